package io.tributary.transcode.media;

import io.tributary.core.media.FfmpegLocator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Synthetic sources made with the real ffmpeg at test time (nothing binary is committed): lavfi
 * {@code testsrc2} + {@code sine}, x264 with B-frames and a fixed GOP, AAC, FLV; then cut into
 * standalone keyframe-aligned FLV chunks with the segment muxer, timestamps kept
 * ({@code -reset_timestamps 0}) as ingest keeps them. Cached per spec under target/.
 */
public final class TestClips {
  private static final FfmpegRunner RUNNER = new FfmpegRunner(Duration.ofMinutes(2), 8192);

  /**
   * @param videoCodec {@code libx264}, {@code libx265}, {@code libsvtav1} or {@code none}
   * @param audioCodec {@code aac}, {@code libmp3lame} or {@code none}
   */
  public record Spec(int width, int height, int fps, int seconds, int gopSeconds, String videoCodec,
                     String audioCodec, int sampleRate) {
    String id() {
      return width + "x" + height + "-" + fps + "-" + seconds + "s-gop" + gopSeconds + "-" + videoCodec + "-"
          + audioCodec + "-" + sampleRate + "-" + videoKbps() + "k";
    }

    /** A typical encoder bitrate for the size: about 0.1 bit per pixel per frame, at least 400 kb/s. */
    public int videoKbps() {
      return Math.max(400, width * height * fps / 10_000);
    }
  }

  public static final Spec SMALL = new Spec(320, 180, 30, 6, 2, "libx264", "aac", 48000);
  public static final Spec MEDIUM = new Spec(640, 360, 30, 6, 2, "libx264", "aac", 48000);

  private TestClips() {}

  /** The chunks of a clip, in order, each a standalone FLV starting at a keyframe. */
  public static synchronized List<Path> chunks(Spec spec) {
    Path dir = Path.of("target", "test-clips", spec.id()).toAbsolutePath();
    try {
      if (!Files.isDirectory(dir) || list(dir).isEmpty()) {
        Files.createDirectories(dir);
        Path src = dir.resolve("source.flv.tmp");
        RUNNER.run(sourceCommand(spec, src));
        RUNNER.run(List.of(ffmpeg(), "-hide_banner", "-loglevel", "error", "-y", "-i", src.toString(), "-map", "0",
            "-c", "copy", "-f", "segment", "-segment_format", "flv", "-reset_timestamps", "0",
            "-segment_time", String.valueOf(spec.gopSeconds()), dir.resolve("chunk%03d.flv").toString()));
        Files.delete(src);
      }
      return list(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> sourceCommand(Spec s, Path out) {
    List<String> a = new ArrayList<>(List.of(ffmpeg(), "-hide_banner", "-loglevel", "error", "-y"));
    boolean video = !s.videoCodec().equals("none");
    boolean audio = !s.audioCodec().equals("none");
    if (video) {
      a.addAll(List.of("-f", "lavfi", "-i", "testsrc2=size=" + s.width() + "x" + s.height() + ":rate=" + s.fps()));
    }
    if (audio) {
      a.addAll(List.of("-f", "lavfi", "-i", "sine=frequency=440:sample_rate=" + s.sampleRate()));
    }
    a.addAll(List.of("-t", String.valueOf(s.seconds())));
    if (video) {
      int gop = s.fps() * s.gopSeconds();
      a.addAll(List.of("-c:v", s.videoCodec(), "-preset", "veryfast", "-pix_fmt", "yuv420p", "-g", String.valueOf(gop),
          "-keyint_min", String.valueOf(gop), "-sc_threshold", "0", "-b:v", s.videoKbps() + "k"));
      if (s.videoCodec().equals("libx264")) {
        a.addAll(List.of("-bf", "2"));
      } else if (s.videoCodec().equals("libsvtav1")) {
        a.set(a.indexOf("veryfast"), "12");
        // lp=1: one thread makes SVT-AV1 deterministic; multi-threaded it once wrote a stream libaom rejects.
        a.addAll(List.of("-svtav1-params", "keyint=" + gop + ":scd=0:lp=1"));
      } else {
        a.addAll(List.of("-x265-params", "log-level=error:keyint=" + gop + ":min-keyint=" + gop + ":scenecut=0"));
      }
    }
    if (audio) {
      a.addAll(List.of("-c:a", s.audioCodec(), "-b:a", "64k", "-ac", "2"));
    }
    a.addAll(List.of("-f", "flv", out.toString()));
    return a;
  }

  public static String ffmpeg() {
    return FfmpegLocator.binaries().ffmpeg().toString();
  }

  public static String ffprobe() {
    return FfmpegLocator.binaries().ffprobe().toString();
  }

  private static List<Path> list(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.getFileName().toString().matches("chunk\\d+\\.flv")).sorted().toList();
    }
  }
}
