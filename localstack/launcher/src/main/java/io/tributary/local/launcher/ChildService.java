package io.tributary.local.launcher;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One running child JVM. Its output goes to {@code <data>/logs/<name>.log}; its {@code ready:}
 * line tells the launcher it serves. Closing it sends SIGTERM to the child and its descendants, then SIGKILL after a
 * grace period, so Ctrl-C never leaves an orphan.
 */
final class ChildService implements AutoCloseable {
  /** Longer than ingest's drain (it flushes the open chunk of every publisher before exiting). */
  private static final Duration GRACE = Duration.ofSeconds(30);
  private static final boolean SETSID = java.nio.file.Files.isExecutable(Path.of("/usr/bin/setsid"));

  private final String name;
  private final Process process;
  private final CompletableFuture<String> ready = new CompletableFuture<>();
  private final Path log;

  private ChildService(String name, Process process, Path log) {
    this.name = name;
    this.process = process;
    this.log = log;
  }

  static ChildService start(ServiceSpec spec, Path repo, String version, Map<String, String> env, Path logDir) {
    Path jar = spec.jar(repo, version);
    Path cpFile = spec.classpathFile(repo);
    if (!Files.isRegularFile(jar) || !Files.isRegularFile(cpFile)) {
      throw new LaunchException(spec.name() + " is not built (" + jar + " or " + cpFile
          + " missing): run ./tributary run, which builds it");
    }
    try {
      String cp = jar + java.io.File.pathSeparator + Files.readString(cpFile).strip();
      List<String> cmd = new ArrayList<>();
      if (SETSID) {
        // Own session: Ctrl-C reaches only the launcher, which stops the children in order
        // (ingest drains into S3/SQS while the emulators are still up).
        cmd.add("/usr/bin/setsid");
      }
      cmd.addAll(List.of(javaBinary(), "-XX:+UseSerialGC", "-Xss512k"));
      if (spec.quickStart()) {
        cmd.add("-XX:TieredStopAtLevel=1");
      }
      cmd.addAll(List.of("-cp", cp, spec.mainClass()));
      ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
      pb.environment().putAll(env);
      Files.createDirectories(logDir);
      Path log = logDir.resolve(spec.name() + ".log");
      Process p = pb.start();
      ChildService child = new ChildService(spec.name(), p, log);
      child.pump();
      return child;
    } catch (IOException e) {
      throw new LaunchException("cannot start " + spec.name() + ": " + e.getMessage(), e);
    }
  }

  private static String javaBinary() {
    return ProcessHandle.current().info().command().orElse("java");
  }

  private void pump() {
    Thread t = new Thread(() -> {
      try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
           PrintStream out = new PrintStream(Files.newOutputStream(log, StandardOpenOption.CREATE,
               StandardOpenOption.APPEND), true, StandardCharsets.UTF_8)) {
        String line;
        while ((line = in.readLine()) != null) {
          out.println(line);
          if (line.startsWith("ready: ")) {
            ready.complete(line.substring("ready: ".length()));
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } finally {
        ready.completeExceptionally(new LaunchException(name + " exited with code " + exitCode() + " before it was ready; see " + log));
      }
    }, "pump-" + name);
    t.setDaemon(true);
    t.start();
  }

  private String exitCode() {
    try {
      return process.waitFor(2, TimeUnit.SECONDS) ? Integer.toString(process.exitValue()) : "(still running)";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "(interrupted)";
    }
  }

  /** Waits for the child's {@code ready:} line and returns what follows it ("name url"). */
  String awaitReady(Duration timeout) {
    try {
      return ready.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw new LaunchException(name + " did not report ready within " + timeout.toSeconds() + " s; see " + log);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof LaunchException le ? le : new LaunchException(e.getCause().toString(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LaunchException("interrupted while waiting for " + name, e);
    }
  }

  boolean isAlive() {
    return process.isAlive();
  }

  String name() {
    return name;
  }

  Path log() {
    return log;
  }

  @Override
  public void close() {
    List<ProcessHandle> all = new ArrayList<>(process.descendants().toList());
    all.add(process.toHandle());
    all.forEach(ProcessHandle::destroy);
    long deadline = System.nanoTime() + GRACE.toNanos();
    for (ProcessHandle h : all) {
      try {
        h.onExit().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      } catch (TimeoutException | ExecutionException e) {
        h.destroyForcibly();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        h.destroyForcibly();
      }
    }
  }
}
