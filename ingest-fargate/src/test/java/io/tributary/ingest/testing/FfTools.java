package io.tributary.ingest.testing;

import io.tributary.core.media.FfmpegLocator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the real ffmpeg/ffprobe (bytedeco, via FfmpegLocator) for tests, bounded in time. */
public final class FfTools {
  private FfTools() {}

  public record Result(int exit, String stdout, String stderr) {}

  public static Result ffmpeg(long timeoutS, String... args) {
    List<String> cmd = new ArrayList<>();
    cmd.add(FfmpegLocator.binaries().ffmpeg().toString());
    cmd.add("-hide_banner");
    cmd.add("-nostdin");
    cmd.addAll(List.of(args));
    return run(cmd, timeoutS);
  }

  public static Result ffprobe(String... args) {
    List<String> cmd = new ArrayList<>();
    cmd.add(FfmpegLocator.binaries().ffprobe().toString());
    cmd.add("-hide_banner");
    cmd.addAll(List.of(args));
    return run(cmd, 60);
  }

  /** Starts ffmpeg without waiting (a publisher); stdout/stderr go to the given file. */
  public static Process start(Path log, String... args) throws IOException {
    List<String> cmd = new ArrayList<>();
    cmd.add(FfmpegLocator.binaries().ffmpeg().toString());
    cmd.add("-hide_banner");
    cmd.add("-nostdin");
    cmd.addAll(List.of(args));
    return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
  }

  /**
   * A test clip as FLV: testsrc2 video + sine audio. {@code videoCodec} "libx264" (with B-frames),
   * "libx265" or null for audio-only; {@code audioCodec} "aac", "libmp3lame" or null for video-only.
   */
  public static Path clip(Path dir, String name, double seconds, String videoCodec, String audioCodec, int gopFrames)
      throws IOException {
    Path out = dir.resolve(name + ".flv");
    List<String> a = new ArrayList<>();
    if (videoCodec != null) {
      a.addAll(List.of("-f", "lavfi", "-i", "testsrc2=size=320x240:rate=25"));
    }
    if (audioCodec != null) {
      a.addAll(List.of("-f", "lavfi", "-i", "sine=frequency=440:sample_rate=44100"));
    }
    a.addAll(List.of("-t", String.valueOf(seconds)));
    if (videoCodec != null) {
      a.addAll(List.of("-c:v", videoCodec, "-g", String.valueOf(gopFrames), "-keyint_min", String.valueOf(gopFrames),
          "-pix_fmt", "yuv420p", "-preset", "ultrafast"));
      if (videoCodec.equals("libx264")) {
        a.addAll(List.of("-bf", "2", "-x264-params", "scenecut=0:b-pyramid=0"));
      } else if (videoCodec.equals("libx265")) {
        a.addAll(List.of("-x265-params", "scenecut=0:bframes=2:log-level=error"));
      }
    } else {
      a.add("-vn");
    }
    if (audioCodec != null) {
      a.addAll(List.of("-c:a", audioCodec, "-b:a", "64k", "-ac", "2"));
    } else {
      a.add("-an");
    }
    a.addAll(List.of("-f", "flv", "-y", out.toString()));
    Result r = ffmpeg(120, a.toArray(String[]::new));
    if (r.exit() != 0) {
      throw new IllegalStateException("ffmpeg clip failed: " + r.stderr());
    }
    return out;
  }

  /** Packets of a media file: one row per packet, "codec_type,pts_time,dts_time,duration_time,flags". */
  public static List<String[]> packets(Path file) {
    Result r = ffprobe("-v", "error", "-show_entries", "packet=codec_type,pts_time,dts_time,duration_time,flags",
        "-of", "csv=p=0", file.toString());
    if (r.exit() != 0) {
      throw new IllegalStateException("ffprobe failed on " + file + ": " + r.stderr());
    }
    List<String[]> rows = new ArrayList<>();
    for (String line : r.stdout().split("\n")) {
      if (!line.isBlank()) {
        rows.add(line.strip().split(","));
      }
    }
    return rows;
  }

  /** Decodes a file completely; returns ffmpeg's error output (empty when clean). */
  public static String decodeErrors(Path file) {
    Result r = ffmpeg(120, "-v", "error", "-i", file.toString(), "-f", "null", "-");
    return r.exit() == 0 ? r.stderr().strip() : "exit " + r.exit() + ": " + r.stderr();
  }

  private static Result run(List<String> cmd, long timeoutS) {
    try {
      Path out = Files.createTempFile("ff", ".out");
      Path err = Files.createTempFile("ff", ".err");
      try {
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(timeoutS, TimeUnit.SECONDS)) {
          p.destroyForcibly();
          throw new IllegalStateException("timed out after " + timeoutS + " s: " + cmd);
        }
        return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
            Files.readString(err, StandardCharsets.UTF_8));
      } finally {
        Files.deleteIfExists(out);
        Files.deleteIfExists(err);
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot run " + cmd, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
