package io.tributary.transcode.media;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Decodes output with the real ffmpeg: errors at {@code -v error} fail the test. */
public final class MediaChecks {
  private MediaChecks() {}

  /** init followed by one or more media segments, decoded to null; returns the decoded frame count. */
  public static void decodesCleanly(Path dir, String name, byte[] init, List<byte[]> media) {
    try {
      Path f = dir.resolve(name + "-concat.mp4");
      try (OutputStream out = Files.newOutputStream(f)) {
        out.write(init);
        for (byte[] m : media) {
          out.write(m);
        }
      }
      Process p = new ProcessBuilder(TestClips.ffmpeg(), "-hide_banner", "-nostdin", "-v", "error", "-xerror", "-i",
          f.toString(), "-f", "null", "-").redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      p.waitFor(60, TimeUnit.SECONDS);
      assertEquals(0, p.exitValue(), name + " failed to decode: " + out);
      assertEquals("", out.strip(), name + " decoded with errors");
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
