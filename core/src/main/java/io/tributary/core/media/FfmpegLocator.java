package io.tributary.core.media;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place that decides which ffmpeg runs: a configured path ({@code TRIBUTARY_FFMPEG},
 * ffprobe beside it or {@code TRIBUTARY_FFPROBE}), else the executables that
 * {@code org.bytedeco:ffmpeg:linux-x86_64-gpl} ships in its jar (found by reflection, so only
 * modules that run ffmpeg carry that 50 MB dependency), else {@code ffmpeg} on PATH.
 * The Lambda layer puts them in {@code /opt/bin}, which is configured the same way.
 */
public final class FfmpegLocator {
  private static final Logger LOG = LoggerFactory.getLogger(FfmpegLocator.class);
  private static volatile FfmpegBinaries cached;

  private FfmpegLocator() {}

  /** The binaries for this process, located once and logged once with {@code ffmpeg -version}. */
  public static FfmpegBinaries binaries() {
    FfmpegBinaries b = cached;
    if (b == null) {
      synchronized (FfmpegLocator.class) {
        b = cached;
        if (b == null) {
          b = locate(System.getenv());
          LOG.info("ffmpeg located: source={} ffmpeg={} ffprobe={} version=\"{}\"", b.source(), b.ffmpeg(), b.ffprobe(),
              firstLine(b.ffmpeg()));
          cached = b;
        }
      }
    }
    return b;
  }

  static FfmpegBinaries locate(Map<String, String> env) {
    String configured = env.get("TRIBUTARY_FFMPEG");
    if (configured != null && !configured.isBlank()) {
      Path ffmpeg = Path.of(configured);
      if (!Files.isExecutable(ffmpeg)) {
        throw new IllegalStateException("TRIBUTARY_FFMPEG=" + configured + " is not an executable file");
      }
      String probe = env.get("TRIBUTARY_FFPROBE");
      Path ffprobe = probe != null && !probe.isBlank() ? Path.of(probe) : ffmpeg.resolveSibling("ffprobe");
      return new FfmpegBinaries(ffmpeg, ffprobe, "configured");
    }
    Optional<FfmpegBinaries> bundled = bytedeco();
    if (bundled.isPresent()) {
      return bundled.get();
    }
    return new FfmpegBinaries(Path.of("ffmpeg"), Path.of("ffprobe"), "PATH");
  }

  private static Optional<FfmpegBinaries> bytedeco() {
    try {
      Class<?> loader = Class.forName("org.bytedeco.javacpp.Loader");
      Class<?> ffmpegClass = Class.forName("org.bytedeco.ffmpeg.ffmpeg");
      Class<?> ffprobeClass = Class.forName("org.bytedeco.ffmpeg.ffprobe");
      var load = loader.getMethod("load", Class.class);
      String ffmpeg = (String) load.invoke(null, ffmpegClass);
      String ffprobe = (String) load.invoke(null, ffprobeClass);
      return Optional.of(new FfmpegBinaries(Path.of(ffmpeg), Path.of(ffprobe), "org.bytedeco:ffmpeg"));
    } catch (ClassNotFoundException e) {
      return Optional.empty();
    } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
      LOG.warn("org.bytedeco:ffmpeg is on the classpath but could not be extracted: {}", e.toString());
      return Optional.empty();
    }
  }

  private static String firstLine(Path ffmpeg) {
    try {
      Process p = new ProcessBuilder(ffmpeg.toString(), "-hide_banner", "-version").redirectErrorStream(true).start();
      try (InputStream in = p.getInputStream()) {
        String out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(10, TimeUnit.SECONDS);
        int nl = out.indexOf('\n');
        return nl < 0 ? out.strip() : out.substring(0, nl).strip();
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot run " + ffmpeg + " -version: " + e.getMessage()
          + " (set TRIBUTARY_FFMPEG to an ffmpeg executable)", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted";
    }
  }
}
