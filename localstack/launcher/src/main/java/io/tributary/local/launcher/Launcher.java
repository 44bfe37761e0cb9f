package io.tributary.local.launcher;

import io.tributary.local.aws.LocalAwsConfig;
import io.tributary.local.aws.LocalAwsServer;
import java.io.IOException;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.function.BiConsumer;

/**
 * {@code ./tributary run}: the whole pipeline on one machine. Starts the embedded AWS emulators
 * in this JVM, bootstraps every resource, then the services as child JVMs (API, playlists and
 * watch page, transcode worker, RTMP ingest), and prints {@code name: value} lines as each comes
 * up, ending with a publish URL carrying a fresh key of a stream named {@code local}. Ctrl-C
 * stops everything it started.
 */
public final class Launcher {
  static final String VERSION = "0.1.0-SNAPSHOT";
  static final String DEMO_STREAM = "local";
  private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);

  static final ServiceSpec API = new ServiceSpec("api", "functions/api", "tributary-api", "io.tributary.api.ApiServer",
      true);
  static final ServiceSpec PLAYLIST = new ServiceSpec("playlist", "functions/playlist", "tributary-playlist",
      "io.tributary.playlist.PlaylistServer", true);
  static final ServiceSpec TRANSCODE = new ServiceSpec("transcode", "transcode-task", "tributary-transcode",
      "io.tributary.transcode.worker.WorkerMain", true);
  static final ServiceSpec INGEST = new ServiceSpec("ingest", "ingest-fargate", "tributary-ingest",
      "io.tributary.ingest.server.IngestMain", false);

  private final List<AutoCloseable> started = new ArrayList<>();
  private final List<ChildService> children = new CopyOnWriteArrayList<>();
  /** Set when stopping on purpose, so the monitor does not report children we are stopping. */
  private volatile boolean stopping;

  public static void main(String[] args) {
    Launcher launcher = new Launcher();
    // Ctrl-C and SIGTERM stop things in order (ingest drains into S3/SQS while the emulators
    // are still up) before the JVM's shutdown hooks, which run concurrently, get a chance.
    for (String sig : new String[] {"INT", "TERM"}) {
      sun.misc.Signal.handle(new sun.misc.Signal(sig), s -> {
        launcher.close();
        System.exit(0);
      });
    }
    Runtime.getRuntime().addShutdownHook(new Thread(launcher::close, "tributary-stop"));
    try {
      launcher.start(LaunchConfig.from(System.getenv(), args), System.getenv(), Path.of("").toAbsolutePath());
    } catch (LaunchException e) {
      System.err.println("tributary: " + e.getMessage());
      System.exit(1);
    }
    launcher.watch();
  }

  /**
   * Starts everything and returns the announced endpoints ({@code publish}, {@code hls}, ...).
   * Tests call this with free ports; {@link #close()} stops it all.
   */
  Map<String, String> start(LaunchConfig cfg, Map<String, String> env, Path repo) {
    lockDataDir(cfg.dataDir());
    PortCheck.requireFree(cfg.host(), cfg.rtmpPort(), "RTMP ingest", "TRIBUTARY_INGEST_PORT");
    PortCheck.requireFree(cfg.host(), cfg.apiPort(), "management API", "TRIBUTARY_API_PORT");
    PortCheck.requireFree(cfg.host(), cfg.playlistPort(), "playlists and watch page", "TRIBUTARY_PLAYLIST_PORT");
    PortCheck.requireFree(cfg.host(), cfg.ingestHealthPort(), "ingest health", "TRIBUTARY_INGEST_HTTP_PORT");
    PortCheck.requireFree(cfg.host(), cfg.workerMetricsPort(), "transcode metrics", "TRIBUTARY_TRANSCODE_METRICS_PORT");

    Map<String, String> out = new LinkedHashMap<>();
    BiConsumer<String, String> say = (k, v) -> {
      out.put(k, v);
      System.out.println(k + ": " + v);
    };
    long t0 = System.nanoTime();
    Map<String, String> awsEnv = new HashMap<>(env);
    awsEnv.put(LocalAwsConfig.ENV_DATA_DIR, cfg.dataDir().resolve("aws").toString());
    if (cfg.wipe()) {
      awsEnv.put(LocalAwsConfig.ENV_WIPE, "true");
    }
    LocalAwsServer aws;
    try {
      aws = LocalAwsServer.start(LocalAwsConfig.fromEnv(awsEnv));
    } catch (RuntimeException e) {
      throw new LaunchException(e.getMessage(), e);
    }
    started.add(aws);
    aws.env().forEach((k, v) -> {
      if (k.startsWith("AWS_ENDPOINT_URL_")) {
        say.accept(k.substring("AWS_ENDPOINT_URL_".length()).toLowerCase(), v);
      }
    });
    say.accept("aws-ready-ms", Long.toString((System.nanoTime() - t0) / 1_000_000));

    String token = LocalSecrets.adminToken(cfg.dataDir(), env);
    String base = "http://" + cfg.host() + ":";
    Map<String, String> childEnv = serviceEnv(cfg, aws.env(), token);
    Path logs = cfg.dataDir().resolve("logs");

    for (ServiceSpec spec : List.of(API, PLAYLIST, TRANSCODE, INGEST)) {
      ChildService child = ChildService.start(spec, repo, VERSION, childEnv, logs);
      started.add(child);
      children.add(child);
    }
    for (ChildService child : children) {
      String ready = child.awaitReady(READY_TIMEOUT);
      int sp = ready.indexOf(' ');
      say.accept(child.name(), sp < 0 ? ready : ready.substring(sp + 1));
    }

    ApiClient api = new ApiClient(URI.create(base + cfg.apiPort() + "/"), token);
    String streamId = api.ensureStream(DEMO_STREAM);
    String publish = api.newPublishUrl(streamId);
    String playback = base + cfg.playlistPort();
    say.accept("token", token);
    say.accept("stream", streamId);
    say.accept("hls", playback + "/live/" + streamId + "/master.m3u8");
    say.accept("dash", playback + "/live/" + streamId + "/manifest.mpd");
    say.accept("watch", playback + "/watch/" + streamId);
    say.accept("publish", publish);
    say.accept("logs", logs.toString());
    say.accept("ready-ms", Long.toString((System.nanoTime() - t0) / 1_000_000));
    System.out.println("# try: ffmpeg -re -f lavfi -i testsrc2=size=1280x720:rate=30 -f lavfi -i sine=frequency=440 "
        + "-c:v libx264 -preset veryfast -g 60 -c:a aac -f flv '" + publish + "'   (Ctrl-C stops everything)");
    return out;
  }

  /**
   * What every service child gets: the emulators' endpoints and resource names, the shared
   * secrets, and each service's own host/port variables (all bound to loopback).
   */
  private static Map<String, String> serviceEnv(LaunchConfig cfg, Map<String, String> awsEnv, String token) {
    Map<String, String> childEnv = new HashMap<>(awsEnv);
    childEnv.put("TRIBUTARY_ADMIN_TOKEN", token);
    childEnv.put("TRIBUTARY_PLAYBACK_SECRET", LocalSecrets.playbackSecret(cfg.dataDir()));
    for (String host : List.of("TRIBUTARY_API_HOST", "TRIBUTARY_PLAYLIST_HOST", "TRIBUTARY_INGEST_HOST",
        "TRIBUTARY_TRANSCODE_METRICS_HOST")) {
      childEnv.put(host, cfg.host());
    }
    childEnv.put("TRIBUTARY_API_PORT", Integer.toString(cfg.apiPort()));
    childEnv.put("TRIBUTARY_PLAYLIST_PORT", Integer.toString(cfg.playlistPort()));
    childEnv.put("TRIBUTARY_INGEST_PORT", Integer.toString(cfg.rtmpPort()));
    childEnv.put("TRIBUTARY_INGEST_HTTP_PORT", Integer.toString(cfg.ingestHealthPort()));
    childEnv.put("TRIBUTARY_TRANSCODE_METRICS_PORT", Integer.toString(cfg.workerMetricsPort()));
    childEnv.put("TRIBUTARY_WORKER_CONCURRENCY", Integer.toString(cfg.workers()));
    childEnv.put("TRIBUTARY_PLAYBACK_BASE_URL", "http://" + cfg.host() + ":" + cfg.playlistPort());
    childEnv.put("TRIBUTARY_RTMP_BASE_URL", "rtmp://" + cfg.host() + ":" + cfg.rtmpPort());
    childEnv.put("TRIBUTARY_INGEST_SPILL_DIR", cfg.dataDir().resolve("spill").toString());
    return childEnv;
  }

  /** Blocks until Ctrl-C; if a service dies, says which and stops the rest. */
  private void watch() {
    CountDownLatch dead = new CountDownLatch(1);
    Thread monitor = new Thread(() -> {
      while (true) {
        for (ChildService c : children) {
          if (!c.isAlive() && !stopping) {
            System.err.println("tributary: " + c.name() + " stopped unexpectedly; see " + c.log());
            dead.countDown();
            return;
          }
        }
        try {
          Thread.sleep(1000);
        } catch (InterruptedException e) {
          return;
        }
      }
    }, "tributary-monitor");
    monitor.setDaemon(true);
    monitor.start();
    try {
      dead.await();
      System.exit(1);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void lockDataDir(Path dataDir) {
    try {
      Files.createDirectories(dataDir);
      FileChannel ch = FileChannel.open(dataDir.resolve("run.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      FileLock lock = ch.tryLock();
      if (lock == null) {
        throw new LaunchException("another './tributary run' is using " + dataDir
            + ": stop it first, or point this one elsewhere with TRIBUTARY_DATA_DIR and other ports");
      }
      // Held until the JVM exits.
    } catch (IOException e) {
      throw new LaunchException("cannot use data directory " + dataDir + ": " + e.getMessage(), e);
    }
  }

  /** Stops the services, then the emulators: the reverse of start order. */
  synchronized void close() {
    stopping = true;
    for (int i = started.size() - 1; i >= 0; i--) {
      try {
        started.get(i).close();
      } catch (Exception e) {
        System.err.println("tributary: stopping " + started.get(i) + ": " + e);
      }
    }
    started.clear();
    children.clear();
  }
}
