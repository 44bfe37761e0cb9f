package io.tributary.local.launcher;

import io.tributary.core.config.EnvVars;
import java.nio.file.Path;
import java.util.Map;

/**
 * The launcher's settings, from the environment with the defaults documented in README's
 * configuration table. Ports follow the services this project grew from: RTMP 1935, API 8081,
 * playlists and the watch page 8082.
 */
record LaunchConfig(Path dataDir, boolean wipe, String host, int rtmpPort, int apiPort, int playlistPort,
                    int ingestHealthPort, int workerMetricsPort, int workers) {

  static LaunchConfig from(Map<String, String> env, String[] args) {
    boolean wipe = false;
    Path dataDir = Path.of(env.getOrDefault("TRIBUTARY_DATA_DIR", ".tributary"));
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--wipe" -> wipe = true;
        case "--data-dir" -> {
          if (i + 1 >= args.length) {
            throw new LaunchException("--data-dir needs a directory");
          }
          dataDir = Path.of(args[++i]);
        }
        default -> throw new LaunchException("unknown argument " + args[i] + " (known: --wipe, --data-dir DIR)");
      }
    }
    return new LaunchConfig(dataDir.toAbsolutePath().normalize(), wipe, env.getOrDefault("TRIBUTARY_HOST", "127.0.0.1"),
        port(env, "TRIBUTARY_INGEST_PORT", 1935), port(env, "TRIBUTARY_API_PORT", 8081),
        port(env, "TRIBUTARY_PLAYLIST_PORT", 8082), port(env, "TRIBUTARY_INGEST_HTTP_PORT", 8086),
        port(env, "TRIBUTARY_TRANSCODE_METRICS_PORT", 8083), intIn(env, "TRIBUTARY_WORKER_CONCURRENCY", 1, 1, 16));
  }

  private static int port(Map<String, String> env, String name, int dflt) {
    return intIn(env, name, dflt, 1, 65535);
  }

  private static int intIn(Map<String, String> env, String name, int dflt, int min, int max) {
    int n;
    try {
      n = EnvVars.integer(env, name, dflt);
    } catch (IllegalArgumentException e) {
      throw new LaunchException(e.getMessage());
    }
    if (n < min || n > max) {
      throw new LaunchException(name + "=" + env.get(name) + " is out of range " + min + ".." + max);
    }
    return n;
  }
}
