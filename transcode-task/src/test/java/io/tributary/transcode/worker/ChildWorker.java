package io.tributary.transcode.worker;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/** {@link WorkerMain} in a child JVM, configured only by environment variables, as the launcher runs it. */
final class ChildWorker implements AutoCloseable {
  private final Process process;
  private final List<String> lines = new CopyOnWriteArrayList<>();
  private final Thread reader;

  ChildWorker(Map<String, String> awsEnv, Path scratch) {
    this(awsEnv, scratch, Map.of());
  }

  ChildWorker(Map<String, String> awsEnv, Path scratch, Map<String, String> extraEnv) {
    ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-XX:+UseSerialGC", "-Xmx256m",
        // The production JSON logging, not the test classpath's logback-test.xml.
        "-Dlogback.configurationFile=logback.xml", "-cp", System.getProperty("java.class.path"), WorkerMain.class.getName())
        .redirectErrorStream(true);
    pb.environment().putAll(awsEnv);
    pb.environment().put("TRIBUTARY_TRANSCODE_METRICS_PORT", "0");
    pb.environment().put("TRIBUTARY_VISIBILITY_SECONDS", "3");
    pb.environment().put("TRIBUTARY_RETRY_DELAY_SECONDS", "0");
    pb.environment().put("TRIBUTARY_POLL_WAIT_SECONDS", "1");
    pb.environment().put("TRIBUTARY_SHUTDOWN_GRACE_SECONDS", "10");
    pb.environment().put("TRIBUTARY_SCRATCH_DIR", scratch.toString());
    pb.environment().putAll(extraEnv);
    try {
      process = pb.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    reader = new Thread(() -> {
      try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = r.readLine()) != null) {
          lines.add(line);
        }
      } catch (IOException e) {
        // child gone
      }
    }, "child-worker-output");
    reader.setDaemon(true);
    reader.start();
  }

  /** The URL of the ready line, waiting up to {@code max}. */
  String awaitReady(Duration max) {
    long deadline = System.nanoTime() + max.toNanos();
    while (System.nanoTime() < deadline && process.isAlive()) {
      for (String l : lines) {
        if (l.startsWith("ready: transcode ")) {
          return l.substring("ready: transcode ".length()).strip();
        }
      }
      sleep(50);
    }
    throw new AssertionError("no ready line within " + max + "; output:\n" + String.join("\n", lines));
  }

  boolean ffmpegRunning() {
    return process.descendants().anyMatch(h -> h.info().command().map(c -> c.endsWith("ffmpeg")).orElse(false));
  }

  /** kill -9 of the JVM and of the ffmpeg it started: nothing gets to clean up or acknowledge. */
  void killHard() {
    List<ProcessHandle> children = process.descendants().toList();
    process.destroyForcibly();
    children.forEach(ProcessHandle::destroyForcibly);
    try {
      process.waitFor(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** SIGTERM, then the exit code (or -1 if it did not exit within {@code max}). */
  int terminate(Duration max) {
    try {
      // Not Process.destroy(): it also closes our end of the child's stdout, losing what the
      // shutdown hook logs. kill(1) sends the same SIGTERM and leaves the pipe open.
      new ProcessBuilder("kill", "-TERM", Long.toString(process.pid())).inheritIO().start().waitFor();
      if (!process.waitFor(max.toMillis(), TimeUnit.MILLISECONDS)) {
        return -1;
      }
      reader.join(5000); // every line the child wrote before it exited
      return process.exitValue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  List<String> output() {
    return List.copyOf(lines);
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      killHard();
    }
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
