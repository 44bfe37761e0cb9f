package io.tributary.ingest.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.tributary.core.keys.StreamKeys;
import io.tributary.core.resources.SessionsTable;
import io.tributary.ingest.load.RtmpClient;
import io.tributary.ingest.server.RunningIngest;
import io.tributary.ingest.testing.FfTools;
import io.tributary.ingest.testing.QueuedJobs;
import io.tributary.ingest.testing.TestStreams;
import io.tributary.local.aws.LocalAws;
import io.tributary.local.aws.LocalAwsExtension;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * A legitimate ffmpeg publish keeps flowing, chunk for chunk, while bad peers hit the same server:
 * random bytes, stalled handshakes, an absurd chunk size, a wrong key, a second publisher on the
 * live key, an idle connection and 500 idle sockets. Each bad peer is dropped alone.
 */
@ExtendWith(LocalAwsExtension.class)
class BadPeersIT {
  private static final String HOST = "127.0.0.1";

  @Test
  void legitimateStreamKeepsFlowingWhileBadPeersAreDropped(LocalAws aws, @TempDir Path dir) throws Exception {
    try (RunningIngest ingest = RunningIngest.start(aws, Map.of(
        "TRIBUTARY_INGEST_HANDSHAKE_TIMEOUT_MS", "2000",
        "TRIBUTARY_INGEST_IDLE_TIMEOUT_MS", "4000",
        "TRIBUTARY_INGEST_MAX_CONNECTIONS", "700",
        "TRIBUTARY_INGEST_MAX_CONNECTIONS_PER_IP", "600"))) {
      int port = ingest.rtmp.getPort();
      double seconds = 14;
      Path clip = FfTools.clip(dir, "legit", seconds, "libx264", "aac", 25);
      TestStreams.Created stream = TestStreams.create(aws, 2000, "default", false);
      Process legit = FfTools.start(dir.resolve("ffmpeg.log"), "-v", "error", "-re", "-i", clip.toString(), "-c", "copy",
          "-f", "flv", ingest.url(stream.key()));
      awaitPublishing(ingest);
      long bytesAtStart = ingest.server.metrics().mediaBytes();

      // Random bytes: the handshake or chunk layer rejects them; each connection is closed.
      Random random = new Random(42);
      for (int i = 0; i < 20; i++) {
        byte[] junk = new byte[4096];
        random.nextBytes(junk);
        junk[0] = (byte) (i % 2 == 0 ? 3 : random.nextInt(256));
        try (Socket s = socket(port)) {
          try {
            s.getOutputStream().write(junk);
            s.getOutputStream().write(junk);
          } catch (SocketException closedAlready) {
            // The server may drop the peer on the first bytes (wrong version): that is the point.
            continue;
          }
          assertClosedWithin(s, 5000, "random bytes #" + i);
        }
      }

      // Stalled handshakes: C0 and part of C1, then silence; closed at the handshake timeout.
      List<Socket> stalled = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        Socket s = socket(port);
        s.getOutputStream().write(new byte[] {3, 0, 0, 0, 0, 0, 0, 0, 0});
        stalled.add(s);
      }

      // Absurd chunk size after a clean handshake.
      try (RtmpClient c = RtmpClient.open(HOST, port, Duration.ofSeconds(5))) {
        c.setChunkSize(0x7FFFFFFF);
        c.output().write(new byte[64]);
        c.flush();
        assertClosedWithin(c.socket(), 5000, "absurd chunk size");
      }

      // A wrong key: Unauthorized, only after the anti-guessing delay, and never logged.
      ListAppender<ILoggingEvent> logs = new ListAppender<>();
      logs.start();
      Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
      root.addAppender(logs);
      String wrongKey = StreamKeys.generate();
      try (RtmpClient c = RtmpClient.open(HOST, port, Duration.ofSeconds(5))) {
        c.setChunkSize(RtmpClient.CHUNK_SIZE);
        assertEquals("NetConnection.Connect.Success", c.connect("live", "rtmp://127.0.0.1/live"));
        int sid = c.createStream(wrongKey);
        long t0 = System.nanoTime();
        assertEquals("NetStream.Publish.Unauthorized", c.publish(sid, wrongKey));
        assertTrue(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0) >= 290, "answered after the delay");
        assertClosedWithin(c.socket(), 5000, "unauthorized publisher");
      } finally {
        root.detachAppender(logs);
      }
      assertTrue(logs.list.stream().anyMatch(e -> e.getFormattedMessage().contains("unknown or revoked stream key")));
      assertFalse(logs.list.stream().anyMatch(e -> e.getFormattedMessage().contains(wrongKey)), "the key never logged");

      // A second publisher on the live key is refused; the first keeps its lease.
      try (RtmpClient c = RtmpClient.open(HOST, port, Duration.ofSeconds(5))) {
        c.setChunkSize(RtmpClient.CHUNK_SIZE);
        c.connect("live", "rtmp://127.0.0.1/live");
        int sid = c.createStream(stream.key());
        assertEquals("NetStream.Publish.BadName", c.publish(sid, stream.key()));
      }

      // An idle connection after connect is dropped at the idle timeout.
      RtmpClient idle = RtmpClient.open(HOST, port, Duration.ofSeconds(10));
      idle.connect("live", "rtmp://127.0.0.1/live");

      // 500 idle sockets: accepted (below the caps) and reaped by the handshake timeout.
      List<Socket> flood = new ArrayList<>();
      for (int i = 0; i < 500; i++) {
        flood.add(socket(port));
      }
      long floodBytes = ingest.server.metrics().mediaBytes();
      Thread.sleep(3000);
      assertTrue(ingest.server.metrics().mediaBytes() > floodBytes, "media still arriving during the flood");
      for (Socket s : flood) {
        assertClosedWithin(s, 3000, "idle socket");
        s.close();
      }
      for (Socket s : stalled) {
        assertClosedWithin(s, 1000, "stalled handshake");
        s.close();
      }
      assertClosedWithin(idle.socket(), 6000, "idle after connect");
      idle.close();

      assertTrue(legit.waitFor(60, TimeUnit.SECONDS));
      assertEquals(0, legit.exitValue(), Files.readString(dir.resolve("ffmpeg.log")));
      assertTrue(ingest.server.metrics().mediaBytes() > bytesAtStart);
      assertTrue(ingest.server.metrics().protocolErrors() >= 21, "protocol errors " + ingest.server.metrics().protocolErrors());
      assertEquals(1, ingest.server.metrics().refused("unauthorized"));
      assertEquals(1, ingest.server.metrics().refused("busy"));

      List<QueuedJobs.Received> jobs = QueuedJobs.await(aws, stream.streamId().value(), 6, 20_000);
      ChunkChecks.verify(aws, jobs, dir, true, 1000, 2000, seconds);
      assertEquals("unpublish", PublishEndToEndIT.awaitEnded(aws, stream.streamId().value(),
          jobs.get(0).job().sessionId()).get(SessionsTable.END_REASON).s());
    }
  }

  @Test
  void perIpCapRefusesTheExcessConnectionOnly(LocalAws aws) throws Exception {
    try (RunningIngest ingest = RunningIngest.start(aws, Map.of("TRIBUTARY_INGEST_MAX_CONNECTIONS_PER_IP", "3"))) {
      List<Socket> ok = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        ok.add(socket(ingest.rtmp.getPort()));
      }
      // Accepts run on several event loops: wait until the three are counted before the fourth.
      for (int i = 0; i < 100 && ingest.server.metrics().connections() < 3; i++) {
        Thread.sleep(20);
      }
      assertEquals(3, ingest.server.metrics().connections());
      try (Socket excess = socket(ingest.rtmp.getPort())) {
        assertClosedWithin(excess, 3000, "4th connection from one IP");
      }
      assertEquals(1, ingest.server.metrics().rejected("per-ip-cap"));
      for (Socket s : ok) {
        assertStillOpen(s);
        s.close();
      }
    }
  }

  private static void assertStillOpen(Socket s) throws IOException {
    s.setSoTimeout(300);
    try {
      int b = s.getInputStream().read();
      throw new AssertionError("connection within the cap was closed or answered: " + b);
    } catch (SocketTimeoutException stillOpen) {
      // expected: no handshake sent, so the server waits
    }
  }

  private static void awaitPublishing(RunningIngest ingest) throws InterruptedException {
    for (int i = 0; i < 200 && ingest.server.metrics().publishers() == 0; i++) {
      Thread.sleep(50);
    }
    assertEquals(1, ingest.server.metrics().publishers(), "legit publisher live");
  }

  private static Socket socket(int port) throws IOException {
    Socket s = new Socket();
    s.connect(new InetSocketAddress(HOST, port), 3000);
    return s;
  }

  /** The server closed the connection: read reaches EOF (or a reset) before the timeout. */
  private static void assertClosedWithin(Socket s, int timeoutMs, String what) throws IOException {
    s.setSoTimeout(timeoutMs);
    InputStream in = s.getInputStream();
    byte[] buf = new byte[8192];
    long deadline = System.currentTimeMillis() + timeoutMs;
    try {
      while (System.currentTimeMillis() < deadline) {
        if (in.read(buf) < 0) {
          return;
        }
      }
    } catch (SocketTimeoutException e) {
      throw new AssertionError(what + ": still open after " + timeoutMs + " ms");
    } catch (IOException reset) {
      return;
    }
    throw new AssertionError(what + ": still open after " + timeoutMs + " ms");
  }
}
