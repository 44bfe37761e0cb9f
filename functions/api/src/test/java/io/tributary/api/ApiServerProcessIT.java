package io.tributary.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.local.aws.LocalAws;
import io.tributary.local.aws.LocalAwsExtension;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The launcher contract: {@code java -cp ... io.tributary.api.ApiServer} as a child JVM with the
 * emulators' environment prints {@code token: <admin token>} on first start, then
 * {@code ready: api <url>}, logs JSON, answers with that token, and exits on SIGTERM. A second
 * start against the same tables reports the token unchanged.
 */
@ExtendWith(LocalAwsExtension.class)
class ApiServerProcessIT {
  record Started(Process process, String tokenLine, String readyLine, List<String> otherLines, long readyMs) {}

  private static int freePort() throws Exception {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  private static Started start(LocalAws aws, int port) throws Exception {
    String cp = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
        .filter(e -> !e.endsWith("test-classes")).collect(Collectors.joining(File.pathSeparator));
    ProcessBuilder pb = new ProcessBuilder(System.getProperty("java.home") + "/bin/java", "-XX:TieredStopAtLevel=1",
        "-cp", cp, ApiServer.class.getName());
    Map<String, String> env = pb.environment();
    env.putAll(aws.env());
    env.put("TRIBUTARY_API_PORT", Integer.toString(port));
    env.put("TRIBUTARY_PLAYBACK_SECRET", TestApi.PLAYBACK_SECRET);
    env.remove("TRIBUTARY_ADMIN_TOKEN");
    pb.redirectErrorStream(true);
    long t0 = System.nanoTime();
    Process p = pb.start();
    LinkedBlockingQueue<String> lines = new LinkedBlockingQueue<>();
    Thread reader = new Thread(() -> {
      try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = r.readLine()) != null) {
          lines.add(line);
        }
      } catch (java.io.IOException ignored) {
        // process ended
      }
    });
    reader.setDaemon(true);
    reader.start();
    String token = null;
    List<String> other = new ArrayList<>();
    long deadline = System.currentTimeMillis() + 90_000;
    while (System.currentTimeMillis() < deadline) {
      String line = lines.poll(500, TimeUnit.MILLISECONDS);
      if (line == null) {
        if (!p.isAlive()) {
          throw new AssertionError("server exited " + p.exitValue() + ": " + other);
        }
        continue;
      }
      if (line.startsWith("token: ")) {
        token = line;
      } else if (line.startsWith("ready: ")) {
        return new Started(p, token, line, other, (System.nanoTime() - t0) / 1_000_000);
      } else {
        other.add(line);
      }
    }
    p.destroyForcibly();
    throw new AssertionError("no ready line within 90 s: " + other);
  }

  @Test
  void printsTokenAndReadyAnswersAndStopsOnSigterm(LocalAws aws) throws Exception {
    int port = freePort();
    Started s = start(aws, port);
    try {
      assertEquals("ready: api http://127.0.0.1:" + port, s.readyLine());
      for (String line : s.otherLines()) {
        assertTrue(line.startsWith("{") && line.endsWith("}"), "a log line that is not JSON: " + line);
      }
      assertTrue(s.tokenLine() != null, "no token line");
      Http api = new Http(URI.create("http://127.0.0.1:" + port + "/"), null);
      long t0 = System.nanoTime();
      assertEquals(200, api.get("health").statusCode());
      long firstMs = (System.nanoTime() - t0) / 1_000_000;
      System.out.println("api child JVM: ready after " + s.readyMs() + " ms, first /health " + firstMs + " ms");
      if (!s.tokenLine().startsWith("token: (unchanged")) {
        String token = s.tokenLine().substring("token: ".length());
        assertEquals(200, api.as(token).get("streams").statusCode());
        assertEquals(201, api.as(token).post("streams", "{\"name\":\"from the launcher\"}").statusCode());
      }
      assertEquals(401, api.get("streams").statusCode());
    } finally {
      s.process().destroy(); // SIGTERM
      assertTrue(s.process().waitFor(30, TimeUnit.SECONDS), "no exit within 30 s of SIGTERM");
    }
    Started again = start(aws, freePort());
    try {
      assertTrue(again.tokenLine().startsWith("token: (unchanged"), again.tokenLine());
    } finally {
      again.process().destroy();
      again.process().waitFor(30, TimeUnit.SECONDS);
    }
  }
}
