package io.tributary.local.aws;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * dynalite in a child {@code node} process: LevelDB under {@code path} when persistent, in memory
 * otherwise. The child's stdin is a pipe it watches, so it exits with this JVM however it ends.
 */
final class DynamoEmulator implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(DynamoEmulator.class);
  private static final String READY = "TRIBUTARY_DYNALITE_LISTENING ";
  private static final long START_TIMEOUT_S = 30;

  private final Process process;
  private final int port;
  private volatile boolean stopping;

  private DynamoEmulator(Process process, int port) {
    this.process = process;
    this.port = port;
    // A crash of the child would otherwise only show as connection errors in every service.
    process.onExit().thenAccept(p -> {
      if (!stopping) {
        LOG.error("dynalite (DynamoDB, node pid {}, port {}) exited unexpectedly with code {}: restart the local AWS",
            p.pid(), port, p.exitValue());
      }
    });
  }

  static DynamoEmulator start(Path installDir, String node, int port, Optional<Path> levelDb) throws IOException {
    List<String> cmd = new ArrayList<>(List.of(node, installDir.resolve("server.js").toString(), LoopbackPort.HOST,
        Integer.toString(port)));
    if (levelDb.isPresent()) {
      Files.createDirectories(levelDb.get());
      cmd.add(levelDb.get().toString());
    }
    Process p;
    try {
      p = new ProcessBuilder(cmd).directory(installDir.toFile()).redirectErrorStream(true).start();
    } catch (IOException e) {
      throw new LocalAwsException(LocalAwsConfig.ENV_NODE, node, "node not found (" + node
          + "): install Node.js 18+ (e.g. apt-get install nodejs npm) or set " + LocalAwsConfig.ENV_NODE
          + " to its path", e);
    }
    CompletableFuture<Integer> ready = new CompletableFuture<>();
    List<String> early = new ArrayList<>();
    Thread reader = new Thread(() -> pump(p, ready, early), "dynalite-output");
    reader.setDaemon(true);
    reader.start();
    try {
      int bound = ready.get(START_TIMEOUT_S, TimeUnit.SECONDS);
      return new DynamoEmulator(p, bound);
    } catch (ExecutionException | TimeoutException e) {
      p.destroyForcibly();
      String said;
      synchronized (early) {
        said = String.join(" | ", early);
      }
      throw new LocalAwsException(LocalAwsConfig.ENV_DYNAMODB_PORT, Integer.toString(port),
          "dynalite (DynamoDB) did not start on " + LoopbackPort.HOST + ":" + port + " within " + START_TIMEOUT_S
              + " s: check " + LocalAwsConfig.ENV_DYNAMODB_PORT + " and " + LocalAwsConfig.ENV_NODE
              + " (node 18+), or delete " + installDir + " to reinstall dynalite; node said: " + said, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      p.destroyForcibly();
      throw new IllegalStateException("interrupted while dynalite started", e);
    }
  }

  private static void pump(Process p, CompletableFuture<Integer> ready, List<String> early) {
    try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        if (!ready.isDone() && line.startsWith(READY)) {
          ready.complete(Integer.parseInt(line.substring(READY.length()).strip()));
        } else if (!ready.isDone()) {
          synchronized (early) {
            if (early.size() < 20) {
              early.add(line);
            }
          }
        } else {
          LOG.info("dynalite: {}", line);
        }
      }
    } catch (IOException | RuntimeException e) {
      ready.completeExceptionally(e);
    }
    ready.completeExceptionally(new IllegalStateException("node exited with " + exitCode(p)));
  }

  private static String exitCode(Process p) {
    try {
      return p.waitFor(2, TimeUnit.SECONDS) ? Integer.toString(p.exitValue()) : "?";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "?";
    }
  }

  int port() {
    return port;
  }

  long pid() {
    return process.pid();
  }

  boolean isAlive() {
    return process.isAlive();
  }

  @Override
  public void close() {
    stopping = true;
    try {
      // Closing stdin is the polite stop the child listens for; a kill is the fallback.
      process.getOutputStream().close();
    } catch (IOException ignored) {
      // Already closed: the child is stopping or gone.
    }
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroy();
        if (!process.waitFor(3, TimeUnit.SECONDS)) {
          process.destroyForcibly().waitFor(3, TimeUnit.SECONDS);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }
}
