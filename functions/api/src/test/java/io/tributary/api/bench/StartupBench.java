package io.tributary.api.bench;

import io.tributary.api.ApiServer;
import io.tributary.api.TestApi;
import io.tributary.api.events.EventBridgeRecorder;
import io.tributary.local.aws.LocalAwsConfig;
import io.tributary.local.aws.LocalAwsServer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * JVM start to first response, each case in fresh child JVMs ({@code RUNS} each, median), with a
 * bare JVM start as the baseline of the same run:
 * <ul>
 *   <li>baseline: a JVM that only prints one line;</li>
 *   <li>Lambda: the shaded {@code -lambda.jar}, handler constructed, one authenticated GET /streams
 *   against the local DynamoDB;</li>
 *   <li>local server: {@link ApiServer} until {@code ready:}, then one authenticated GET /streams.</li>
 * </ul>
 * All by the parent's clock, from spawning the process to the answer (the child's own "ms since
 * JVM start" is printed beside for the Lambda case).
 * <ul>
 * </ul>
 * Args: the Lambda jar path and the runtime classpath (target/classes + classpath.txt).
 */
public final class StartupBench {
  static final int RUNS = Integer.getInteger("bench.runs", 3);

  private StartupBench() {}

  public static void main(String[] args) throws Exception {
    String lambdaJar = args[0];
    String runtimeCp = args[1];
    String testClasses = args[2];
    String java = System.getProperty("java.home") + "/bin/java";
    Path dir = Files.createTempDirectory("api-startup-");
    try (LocalAwsServer local = LocalAwsServer.start(LocalAwsConfig.forTests(dir))) {
      Map<String, String> env = new java.util.HashMap<>(local.aws().env());
      env.put("TRIBUTARY_PLAYBACK_SECRET", TestApi.PLAYBACK_SECRET);
      env.put("TRIBUTARY_ADMIN_TOKEN", TestApi.ADMIN_TOKEN);
      List<Long> base = new ArrayList<>();
      List<Long> lambda = new ArrayList<>();
      List<Long> server = new ArrayList<>();
      List<Long> changes = new ArrayList<>();
      EventBridgeRecorder bus = new EventBridgeRecorder();
      Map<String, String> changeEnv = new java.util.HashMap<>(local.aws().env());
      changeEnv.put("TRIBUTARY_EVENT_BUS_NAME", "bench-events");
      changeEnv.put("TRIBUTARY_SWEEP_QUEUE_URL", local.aws().queueUrl());
      changeEnv.put("AWS_ENDPOINT_URL_EVENTBRIDGE", bus.endpoint().toString());
      for (int i = 0; i < RUNS; i++) {
        base.add(childClock(List.of(java, "-cp", testClasses, JvmBaseline.class.getName()), env));
        lambda.add(childClock(List.of(java, "-cp", lambdaJar + ":" + testClasses, LambdaColdStart.class.getName()), env));
        server.add(serverToFirstResponse(java, runtimeCp, env));
        changes.add(childClock(List.of(java, "-cp", lambdaJar + ":" + testClasses,
            ChangeHandlerColdStart.class.getName()), changeEnv));
      }
      if (bus.accepted().size() != RUNS) {
        throw new IllegalStateException("expected one stream.started per run, got " + bus.accepted());
      }
      bus.close();
      long b = median(base);
      System.out.println("| case | runs (ms) | median ms | median / baseline |");
      System.out.println("|---|---|---|---|");
      System.out.printf("| bare JVM: spawn to first line (baseline) | %s | %d | 1.0x |%n", base, b);
      System.out.printf("| Lambda jar: spawn to first GET /streams answered | %s | %d | %.1fx |%n", lambda, median(lambda),
          (double) median(lambda) / b);
      System.out.printf("| local server: spawn to first GET /streams answered | %s | %d | %.1fx |%n", server, median(server),
          (double) median(server) / b);
      System.out.printf("| Lambda jar, StreamChangeHandler: spawn to first batch published | %s | %d | %.1fx |%n",
          changes, median(changes), (double) median(changes) / b);
    }
  }

  private static long median(List<Long> v) {
    long[] s = v.stream().mapToLong(Long::longValue).sorted().toArray();
    return s[s.length / 2];
  }

  private static long childClock(List<String> cmd, Map<String, String> env) throws Exception {
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    pb.environment().putAll(env);
    pb.environment().put("AWS_LAMBDA_FUNCTION_NAME", "tributary-api-bench");
    long t0 = System.nanoTime();
    Process p = pb.start();
    long result = -1;
    try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        if (line.startsWith("first-response-ms ")) {
          result = (System.nanoTime() - t0) / 1_000_000;
          System.out.println(cmd.get(cmd.size() - 1) + ": " + line + " (child clock), " + result + " ms spawn to line");
        }
      }
    }
    if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0 || result < 0) {
      p.destroyForcibly();
      throw new IllegalStateException("child failed: " + cmd);
    }
    return result;
  }

  private static long serverToFirstResponse(String java, String cp, Map<String, String> env) throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    ProcessBuilder pb = new ProcessBuilder(java, "-cp", cp, ApiServer.class.getName()).redirectErrorStream(true);
    pb.environment().putAll(env);
    pb.environment().put("TRIBUTARY_API_PORT", Integer.toString(port));
    long t0 = System.nanoTime();
    Process p = pb.start();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null && !line.startsWith("ready: ")) {
        // JSON log lines
      }
      HttpResponse<String> res = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
              URI.create("http://127.0.0.1:" + port + "/streams")).header("Authorization", "Bearer " + TestApi.ADMIN_TOKEN)
          .build(), HttpResponse.BodyHandlers.ofString());
      long ms = (System.nanoTime() - t0) / 1_000_000;
      if (res.statusCode() != 200) {
        throw new IllegalStateException("first response " + res.statusCode() + ": " + res.body());
      }
      return ms;
    } finally {
      p.destroy();
      p.waitFor(30, TimeUnit.SECONDS);
    }
  }

}
