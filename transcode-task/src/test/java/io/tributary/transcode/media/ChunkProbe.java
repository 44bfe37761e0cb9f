package io.tributary.transcode.media;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Packet timestamps of a chunk as ffprobe reports them (milliseconds, FLV's time base). */
public record ChunkProbe(List<long[]> videoPtsDts, List<Long> audioPts) {

  public static ChunkProbe of(Path chunk) {
    try {
      Process p = new ProcessBuilder(TestClips.ffprobe(), "-v", "error", "-show_entries",
          "packet=codec_type,pts,dts", "-of", "csv=p=0", chunk.toString()).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
        throw new IllegalStateException("ffprobe failed on " + chunk + ": " + out);
      }
      List<long[]> video = new ArrayList<>();
      List<Long> audio = new ArrayList<>();
      for (String line : out.split("\n")) {
        String[] f = line.strip().split(",");
        if (f.length < 3) {
          continue;
        }
        if (f[0].equals("video")) {
          video.add(new long[] {Long.parseLong(f[1]), Long.parseLong(f[2])});
        } else if (f[0].equals("audio")) {
          audio.add(Long.parseLong(f[1]));
        }
      }
      return new ChunkProbe(video, audio);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Presentation time of the first video frame (the keyframe the chunk starts with), ms. */
  public long firstVideoPtsMs() {
    return videoPtsDts.get(0)[0];
  }

  public long firstVideoDtsMs() {
    return videoPtsDts.get(0)[1];
  }
}
