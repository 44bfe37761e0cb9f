package io.tributary.playlist.bench;

import io.tributary.local.aws.LocalAws;
import io.tributary.local.aws.LocalAwsConfig;
import io.tributary.local.aws.LocalAwsServer;
import io.tributary.playlist.service.PlaylistConfig;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * JVM start → first served manifest, for the local server (child JVM, HTTP) and the Lambda
 * handler (child JVM, in-process event), each plain, with AppCDS (a dynamic class-data-sharing
 * archive from a training run) and with C1 only. Bounded: 3 runs per variant, 60 s per run.
 * Run from functions/playlist after {@code mvn package}: see BENCHMARKS.md.
 */
public final class StartupProbe {
  private static final int RUNS = 3;
  /** Pseudo-flag: run with TRIBUTARY_PLAYLIST_EAGER_INIT=false (the baseline without eager init and priming). */
  private static final String LAZY = "lazy";

  private StartupProbe() {}

  public static void main(String[] args) throws Exception {
    Path jar = Files.list(Path.of("target")).filter(p -> p.getFileName().toString().matches("tributary-playlist-[^-]+(-SNAPSHOT)?\\.jar"))
        .findFirst().orElseThrow(() -> new IllegalStateException("run mvn package first"));
    String cp = jar + ":" + Files.readString(Path.of("target/classpath.txt")).strip();
    // The Lambda runs from the shaded artifact the CDK app deploys (no Netty on its classpath).
    Path lambdaJar = Files.list(Path.of("target")).filter(p -> p.getFileName().toString().endsWith("-lambda.jar"))
        .findFirst().orElseThrow(() -> new IllegalStateException("run mvn package first"));
    String lambdaCp = "target/test-classes:" + lambdaJar;
    Path dir = Files.createTempDirectory("startup-probe-");
    try (LocalAwsServer aws = LocalAwsServer.start(LocalAwsConfig.forTests(dir))) {
      LocalAws local = aws.aws();
      String id = SyntheticStream.write(local.clients().dynamo(), local.names(), 6);
      String path = "/live/" + id + "/master.m3u8";
      Path serverJsa = dir.resolve("server.jsa");
      Path lambdaJsa = dir.resolve("lambda.jsa");
      // Training runs write the archives (JDK 17 dynamic AppCDS, JEP 350).
      server(local, cp, path, List.of("-XX:ArchiveClassesAtExit=" + serverJsa));
      lambda(local, lambdaCp, path, List.of("-XX:ArchiveClassesAtExit=" + lambdaJsa));
      Map<String, List<String>> variants = new java.util.LinkedHashMap<>();
      variants.put("lazy-baseline", List.of(LAZY));
      variants.put("plain", List.of());
      variants.put("appcds", List.of("-XX:SharedArchiveFile=" + serverJsa));
      variants.put("c1-only", List.of("-XX:TieredStopAtLevel=1"));
      for (var v : variants.entrySet()) {
        List<Long> s = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
          s.add(server(local, cp, path, v.getValue()));
        }
        System.out.println("RESULT server " + v.getKey() + " jvm-start->first-manifest ms " + s + " median " + median(s));
      }
      variants.remove("c1-only");
      variants.put("appcds", List.of("-XX:SharedArchiveFile=" + lambdaJsa));
      variants.put("appcds+c1", List.of("-XX:SharedArchiveFile=" + lambdaJsa, "-XX:TieredStopAtLevel=1"));
      for (var v : variants.entrySet()) {
        List<Long> s = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
          s.add(lambda(local, lambdaCp, path, v.getValue()));
        }
        System.out.println("RESULT lambda " + v.getKey() + " jvm-start->first-manifest ms " + s + " median " + median(s));
      }
    } finally {
      try (var walk = Files.walk(dir)) {
        walk.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
      }
    }
  }

  private static long median(List<Long> v) {
    List<Long> s = new ArrayList<>(v);
    s.sort(null);
    return s.get(s.size() / 2);
  }

  private static long server(LocalAws aws, String cp, String path, List<String> flags) throws Exception {
    int port;
    try (ServerSocket ss = new ServerSocket(0)) {
      port = ss.getLocalPort();
    }
    List<String> cmd = new ArrayList<>(List.of("java", "-Xshare:auto"));
    cmd.addAll(flags.stream().filter(f -> !f.equals(LAZY)).toList());
    cmd.addAll(List.of("-cp", cp, "io.tributary.playlist.PlaylistServer"));
    ProcessBuilder pb = new ProcessBuilder(cmd);
    Map<String, String> env = new HashMap<>(aws.env());
    env.put(PlaylistConfig.ENV_PORT, Integer.toString(port));
    env.put(PlaylistConfig.ENV_EAGER_INIT, Boolean.toString(!flags.contains(LAZY)));
    pb.environment().putAll(env);
    pb.redirectError(ProcessBuilder.Redirect.DISCARD);
    long t0 = System.nanoTime();
    Process p = pb.start();
    AtomicLong ready = new AtomicLong(-1);
    Thread reader = new Thread(() -> {
      try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line; (line = r.readLine()) != null; ) {
          if (line.startsWith("ready: playlist ")) {
            ready.set((System.nanoTime() - t0) / 1_000_000);
          }
        }
      } catch (java.io.IOException ignored) {
        // process ended
      }
    });
    reader.start();
    HttpClient http = HttpClient.newHttpClient();
    URI uri = URI.create("http://127.0.0.1:" + port + path);
    long first = -1;
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline && p.isAlive()) {
      try {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 200) {
          first = (System.nanoTime() - t0) / 1_000_000;
          break;
        }
      } catch (java.io.IOException notYet) {
        Thread.sleep(5);
      }
    }
    p.destroy(); // SIGTERM: must stop cleanly
    boolean stopped = p.waitFor(20, TimeUnit.SECONDS);
    if (!stopped) {
      p.destroyForcibly();
    }
    System.out.println("server " + flags + " ready_ms=" + ready.get() + " first_manifest_ms=" + first
        + " sigterm_exit=" + (stopped ? p.exitValue() : "timeout"));
    return first;
  }

  private static long lambda(LocalAws aws, String cp, String path, List<String> flags) throws Exception {
    List<String> cmd = new ArrayList<>(List.of("java"));
    cmd.addAll(flags.stream().filter(f -> !f.equals(LAZY)).toList());
    cmd.addAll(List.of("-cp", cp, LambdaColdStart.class.getName(), path));
    ProcessBuilder pb = new ProcessBuilder(cmd);
    Map<String, String> env = new HashMap<>(aws.env());
    env.put(PlaylistConfig.ENV_SERVE_MEDIA, "false");
    env.put(PlaylistConfig.ENV_EAGER_INIT, Boolean.toString(!flags.contains(LAZY)));
    pb.environment().putAll(env);
    pb.redirectError(ProcessBuilder.Redirect.DISCARD);
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
    }
    String line = out.lines().filter(l -> l.startsWith("coldstart ")).findFirst().orElse("coldstart failed: " + out);
    System.out.println("lambda " + flags + " " + line);
    int at = line.indexOf("first_ms=");
    return at < 0 ? -1 : Long.parseLong(line.substring(at + 9, line.indexOf(' ', at)));
  }
}
