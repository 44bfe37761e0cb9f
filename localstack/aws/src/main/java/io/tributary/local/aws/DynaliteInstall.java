package io.tributary.local.aws;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * dynalite installed from npm with the machine's npm, once per lockfile: the pinned
 * {@code package.json} + {@code package-lock.json} ship as resources and {@code npm ci} runs into
 * {@code <cacheDir>/node/dynalite-<hash>/}. A file lock serialises concurrent test JVMs; a marker
 * written last makes a half-finished install (killed JVM) get redone rather than used.
 */
final class DynaliteInstall {
  private static final Logger LOG = LoggerFactory.getLogger(DynaliteInstall.class);
  private static final String RES = "/io/tributary/local/aws/dynalite/";
  private static final List<String> FILES = List.of("package.json", "package-lock.json", "server.js");
  private static final String MARKER = ".tributary-installed";
  private static final Duration NPM_TIMEOUT = Duration.ofMinutes(5);

  private DynaliteInstall() {}

  /** The directory holding {@code server.js} and {@code node_modules/dynalite}, installing if needed. */
  static Path ensure(Path cacheDir, String npm) {
    byte[][] contents = FILES.stream().map(DynaliteInstall::resource).toArray(byte[][]::new);
    Path nodeDir = cacheDir.resolve("node");
    Path dir = nodeDir.resolve("dynalite-" + hash(contents));
    if (Files.exists(dir.resolve(MARKER))) {
      return dir;
    }
    try {
      Files.createDirectories(nodeDir);
    } catch (IOException e) {
      throw new LocalAwsException(LocalAwsConfig.ENV_CACHE_DIR, nodeDir.toString(), "cannot create " + nodeDir
          + " (" + e.getMessage() + "): set " + LocalAwsConfig.ENV_CACHE_DIR + " to a writable directory", e);
    }
    // One JVM at a time across processes; synchronized covers threads of this JVM, whose second
    // FileChannel.lock would throw OverlappingFileLockException instead of waiting.
    synchronized (DynaliteInstall.class) {
      try (FileChannel ch = FileChannel.open(nodeDir.resolve("install.lock"), StandardOpenOption.CREATE,
          StandardOpenOption.WRITE); FileLock ignored = ch.lock()) {
        if (Files.exists(dir.resolve(MARKER))) {
          return dir;
        }
        Files.createDirectories(dir);
        for (int i = 0; i < FILES.size(); i++) {
          Files.write(dir.resolve(FILES.get(i)), contents[i]);
        }
        long t0 = System.nanoTime();
        LOG.info("installing dynalite with npm ci into {} (once per lockfile)", dir);
        runNpmCi(npm, dir);
        Files.writeString(dir.resolve(MARKER), "ok\n", StandardCharsets.UTF_8);
        LOG.info("dynalite installed in {} ms", (System.nanoTime() - t0) / 1_000_000);
        return dir;
      } catch (IOException e) {
        throw new UncheckedIOException("installing dynalite into " + dir, e);
      }
    }
  }

  private static void runNpmCi(String npm, Path dir) throws IOException {
    // --ignore-scripts: classic-level ships prebuilt binaries (node-gyp-build loads them at run
    // time); without it npm would try a native compile when a prebuild is missing.
    ProcessBuilder pb = new ProcessBuilder(npm, "ci", "--ignore-scripts", "--no-audit", "--no-fund",
        "--loglevel=error").directory(dir.toFile()).redirectErrorStream(true);
    Process p;
    try {
      p = pb.start();
    } catch (IOException e) {
      throw new LocalAwsException(LocalAwsConfig.ENV_NPM, npm, "npm not found (" + npm
          + "): install Node.js 18+ with npm (e.g. apt-get install nodejs npm) or set "
          + LocalAwsConfig.ENV_NPM + " to its path", e);
    }
    p.getOutputStream().close();
    CompletableFuture<byte[]> output = CompletableFuture.supplyAsync(() -> {
      try (InputStream in = p.getInputStream()) {
        return in.readAllBytes();
      } catch (IOException e) {
        return ("(output unreadable: " + e.getMessage() + ")").getBytes(StandardCharsets.UTF_8);
      }
    });
    long t0 = System.nanoTime();
    try {
      // A slow registry can take minutes: say so every 15 s instead of looking hung.
      while (!p.waitFor(15, TimeUnit.SECONDS)) {
        long s = (System.nanoTime() - t0) / 1_000_000_000L;
        if (s >= NPM_TIMEOUT.toSeconds()) {
          p.destroyForcibly();
          throw new LocalAwsException(LocalAwsConfig.ENV_NPM, npm, "npm ci of dynalite took over "
              + NPM_TIMEOUT.toMinutes() + " min in " + dir + ": check the npm registry is reachable");
        }
        LOG.info("npm ci of dynalite still running after {} s", s);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      p.destroyForcibly();
      throw new LocalAwsException(LocalAwsConfig.ENV_NPM, npm, "interrupted while npm ci ran", e);
    }
    byte[] out = output.join();
    if (p.exitValue() != 0) {
      String tail = new String(out, StandardCharsets.UTF_8).strip().replace('\n', ' ');
      tail = tail.length() > 400 ? tail.substring(tail.length() - 400) : tail;
      throw new LocalAwsException(LocalAwsConfig.ENV_NPM, npm, "npm ci of dynalite failed with exit "
          + p.exitValue() + " in " + dir + ": check npm can reach its registry; npm said: " + tail);
    }
  }

  private static byte[] resource(String name) {
    try (InputStream in = DynaliteInstall.class.getResourceAsStream(RES + name)) {
      if (in == null) {
        throw new IllegalStateException("missing classpath resource " + RES + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String hash(byte[][] contents) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      for (byte[] c : contents) {
        md.update(c);
      }
      return HexFormat.of().formatHex(md.digest()).substring(0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
