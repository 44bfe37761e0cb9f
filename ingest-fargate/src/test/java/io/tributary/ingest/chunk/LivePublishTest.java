package io.tributary.ingest.chunk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.ingest.chunk.capture.CaptureServer;
import io.tributary.ingest.chunk.capture.Publishers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real encoders publish to our handshake + chunk layers over TCP on 127.0.0.1 (the capture
 * server answers the commands minimally): the client must finish cleanly and what we decoded
 * live must be a complete publish session, equal to a replay of the same bytes.
 */
class LivePublishTest {
  @TempDir Path dir;

  @Test
  void ffmpegPublishesThroughOurLayersWithTheDigestHandshake() throws Exception {
    CaptureServer.Capture c = publish(Publishers::ffmpegH264Aac);
    assertTrue(c.handshake().digest(), "ffmpeg sends a digest C1");
  }

  @Test
  void gstreamerRtmp2sinkPublishesThroughOurLayers() throws Exception {
    Assumptions.assumeTrue(onPath("gst-launch-1.0"), "GStreamer not installed (apt gstreamer1.0-tools, -plugins-bad/-ugly)");
    CaptureServer.Capture c = publish(Publishers::gstreamerH264Aac);
    assertNotNull(c.handshake());
  }

  private CaptureServer.Capture publish(Function<String, List<String>> publisher) throws Exception {
    try (CaptureServer server = CaptureServer.start()) {
      Path log = dir.resolve("client.log");
      Process p = new ProcessBuilder(publisher.apply(server.publishUrl("testkey")))
          .redirectErrorStream(true).redirectOutput(log.toFile()).start();
      try {
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "client finished within 60 s");
      } finally {
        p.destroyForcibly();
      }
      assertEquals(0, p.exitValue(), () -> "client failed: " + read(log));
      CaptureServer.Capture c = server.next(Duration.ofSeconds(10));
      assertNotNull(c, "connection closed and captured");
      assertNull(c.error(), () -> "protocol error: " + c.error());
      CapturedSessions.assertPublishSession("live", c.messages(), true);
      assertEquals(CapturedSessionReplayTest.decodeInSlices(c.clientBytes(), new int[] {700, 1}), c.messages());
      return c;
    }
  }

  private static boolean onPath(String exe) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
      if (Files.isExecutable(Path.of(dir, exe))) {
        return true;
      }
    }
    return false;
  }

  private static String read(Path log) {
    try {
      return Files.readString(log);
    } catch (IOException e) {
      return e.toString();
    }
  }
}
