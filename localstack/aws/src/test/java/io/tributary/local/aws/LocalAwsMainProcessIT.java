package io.tributary.local.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * The standalone server as the launcher runs it, in its own JVM: Ctrl-C (SIGTERM) stops it and
 * its node child; even kill -9 of the JVM leaves no node process behind. Its /metrics says all
 * three emulators are up.
 */
class LocalAwsMainProcessIT {

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void stoppingTheJvmStopsTheNodeChild(boolean forcibly, @TempDir Path dataDir) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder pb = new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-cp",
        System.getProperty("java.class.path"), LocalAwsMain.class.getName())
        .redirectError(ProcessBuilder.Redirect.DISCARD);
    int metricsPort;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      metricsPort = s.getLocalPort();
    }
    Map<String, String> env = pb.environment();
    env.putAll(new HashMap<>(Map.of("TRIBUTARY_DATA_DIR", dataDir.toString(), "TRIBUTARY_S3_PORT", "0",
        "TRIBUTARY_SQS_PORT", "0", "TRIBUTARY_DYNAMODB_PORT", "0",
        "TRIBUTARY_LOCAL_AWS_METRICS_PORT", Integer.toString(metricsPort))));
    Process jvm = pb.start();
    try {
      CompletableFuture<List<String>> ready = CompletableFuture.supplyAsync(() -> readUntilReady(jvm));
      List<String> lines = ready.get(120, TimeUnit.SECONDS);
      assertTrue(lines.stream().anyMatch(l -> l.startsWith("AWS_ENDPOINT_URL_DYNAMODB=http://127.0.0.1:")), lines::toString);
      HttpResponse<String> metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
          URI.create("http://127.0.0.1:" + metricsPort + "/metrics")).timeout(Duration.ofSeconds(10)).build(),
          HttpResponse.BodyHandlers.ofString());
      assertEquals(200, metrics.statusCode());
      for (String service : List.of("s3", "sqs", "dynamodb")) {
        assertTrue(metrics.body().contains("tributary_local_aws_up{service=\"" + service + "\"} 1\n"), metrics.body());
      }
      ProcessHandle node = jvm.descendants().filter(p -> p.info().command().orElse("").endsWith("node"))
          .findFirst().orElse(null);
      assertNotNull(node, "node child of the local AWS JVM");
      if (forcibly) {
        jvm.destroyForcibly();
      } else {
        jvm.destroy();
      }
      assertTrue(jvm.waitFor(30, TimeUnit.SECONDS), "JVM exits");
      if (!forcibly) {
        assertEquals(143, jvm.exitValue(), "terminated by SIGTERM after its shutdown hooks ran");
      }
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
      while (node.isAlive() && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      assertFalse(node.isAlive(), "node child " + node.pid() + " must not outlive the JVM");
    } finally {
      jvm.destroyForcibly();
    }
  }

  @org.junit.jupiter.api.Test
  void badConfigurationPrintsOneLineAndExitsWith2(@TempDir Path dataDir) throws Exception {
    ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), LocalAwsMain.class.getName());
    pb.environment().put("TRIBUTARY_DATA_DIR", dataDir.toString());
    pb.environment().put("TRIBUTARY_SQS_PORT", "not-a-port");
    Process jvm = pb.start();
    String err = new String(jvm.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    assertTrue(jvm.waitFor(60, TimeUnit.SECONDS));
    assertEquals(2, jvm.exitValue(), err);
    assertEquals("local-aws: TRIBUTARY_SQS_PORT=not-a-port is not a number: set it to a port such as 9324", err);
  }

  private static List<String> readUntilReady(Process p) {
    List<String> lines = new java.util.ArrayList<>();
    try {
      BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
      String line;
      while ((line = r.readLine()) != null) {
        lines.add(line);
        if (line.startsWith("local-aws: ready")) {
          return lines;
        }
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    throw new IllegalStateException("LocalAwsMain ended before ready: " + lines);
  }
}
