package io.tributary.local.aws;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Measures how long the local AWS takes to be usable, as the launcher sees it: a fresh JVM per
 * run, from spawn to all three emulators answering SDK calls and the bootstrap done (launcher
 * mode: LevelDB and H2 on disk, empty data dir, warm npm cache). Baseline, measured in the same
 * run: a fresh JVM with the same classpath that does nothing. Each run also starts the local AWS
 * in a JVM with {@code -XX:TieredStopAtLevel=1} (C1 only: less JIT work during a short startup).
 * Finally a cold {@code npm ci} of dynalite into an empty cache dir is timed.
 *
 * <p>Usage: {@code StartupTimer [runs]} (default 5, at most 20; each run is bounded by a 120 s
 * timeout per child JVM).
 */
public final class StartupTimer {
  private static final String CHILD = "--child";
  private static final String NOOP = "--noop";
  private static final String C1 = "-XX:TieredStopAtLevel=1";
  private static final long CHILD_TIMEOUT_S = 120;

  private StartupTimer() {}

  public static void main(String[] args) throws Exception {
    LocalLogging.useModuleConfigUnlessSet();
    if (args.length > 0 && args[0].equals(NOOP)) {
      System.out.println("RESULT 0 " + cpuMs());
      return;
    }
    if (args.length > 0 && args[0].equals(CHILD)) {
      child();
      return;
    }
    int runs = Math.max(1, Math.min(20, args.length > 0 ? Integer.parseInt(args[0]) : 5));
    List<Long> baseline = new ArrayList<>();
    List<Long> wall = new ArrayList<>();
    List<Long> cpu = new ArrayList<>();
    List<Long> wallC1 = new ArrayList<>();
    List<Long> cpuC1 = new ArrayList<>();
    for (int i = 0; i < runs; i++) {
      baseline.add(spawn(null, NOOP)[0]);
      long[] r = spawn(null, CHILD);
      long[] c = spawn(C1, CHILD);
      wall.add(r[0]);
      cpu.add(r[2]);
      wallC1.add(c[0]);
      cpuC1.add(c[2]);
      System.out.printf("run %d: empty JVM %d ms | local AWS ready+bootstrapped %d ms after spawn, JVM CPU %d ms | "
          + "with %s: %d ms, JVM CPU %d ms%n", i + 1, baseline.get(i), r[0], r[2], C1, c[0], c[2]);
    }
    long npmCold = coldNpm();
    long b = median(baseline);
    System.out.printf("median of %d: empty JVM %d ms (baseline); local AWS ready %d ms = x%.1f baseline (JVM CPU %d ms);"
        + " with %s %d ms = x%.1f baseline (JVM CPU %d ms); cold npm ci of dynalite %d ms; load average %.1f on %d "
        + "cores%n", runs, b, median(wall), (double) median(wall) / b, median(cpu), C1, median(wallC1),
        (double) median(wallC1) / b, median(cpuC1), npmCold, ManagementFactory.getOperatingSystemMXBean()
            .getSystemLoadAverage(), Runtime.getRuntime().availableProcessors());
  }

  private static void child() throws IOException {
    Path dir = Files.createTempDirectory("tributary-startup-");
    try (LocalAwsServer server = LocalAwsServer.start(LocalAwsConfig.forTests(dir).withPersistence(true, true))) {
      System.out.println("RESULT " + server.timings().bootstrappedMs() + " " + cpuMs());
    } finally {
      LocalAwsServer.deleteTree(dir);
    }
  }

  private static long cpuMs() {
    var os = ManagementFactory.getOperatingSystemMXBean();
    return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() / 1_000_000 : -1;
  }

  /**
   * Spawns this class in a fresh JVM; returns the wall time from spawn to its RESULT line (what a
   * user waits for), then the numbers it printed (ms in start, JVM CPU ms). The child must also
   * exit by itself afterwards: a thread left running by {@code close()} fails the measurement.
   */
  private static long[] spawn(String jvmOption, String mode) throws IOException, InterruptedException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> cmd = new ArrayList<>(List.of(java));
    if (jvmOption != null) {
      cmd.add(jvmOption);
    }
    cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), StartupTimer.class.getName(), mode));
    long t0 = System.nanoTime();
    Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    p.getOutputStream().close();
    // Read on another thread: a child that never prints must not hang the timer.
    CompletableFuture<String> line = CompletableFuture.supplyAsync(() -> {
      try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
        String l;
        while ((l = r.readLine()) != null) {
          if (l.startsWith("RESULT ")) {
            return (System.nanoTime() - t0) / 1_000_000 + " " + l.substring(7);
          }
        }
        throw new IllegalStateException("timing child " + mode + " exited without a result");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
    String result;
    try {
      result = line.get(CHILD_TIMEOUT_S, TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      p.destroyForcibly();
      throw new IllegalStateException("timing child " + mode + " gave no result within " + CHILD_TIMEOUT_S + " s", e);
    }
    if (!p.waitFor(CHILD_TIMEOUT_S, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IllegalStateException("timing child " + mode + " did not exit after its result: threads left running");
    }
    return Arrays.stream(result.split(" ")).mapToLong(Long::parseLong).toArray();
  }

  private static long coldNpm() throws IOException {
    Path cache = Files.createTempDirectory("tributary-npm-cold-");
    try {
      long t0 = System.nanoTime();
      DynaliteInstall.ensure(cache, System.getenv().getOrDefault(LocalAwsConfig.ENV_NPM, "npm"));
      return (System.nanoTime() - t0) / 1_000_000;
    } finally {
      LocalAwsServer.deleteTree(cache);
    }
  }

  private static long median(List<Long> xs) {
    List<Long> s = new ArrayList<>(xs);
    Collections.sort(s);
    return s.get(s.size() / 2);
  }
}
