package io.tributary.playlist;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.Micronaut;
import io.micronaut.runtime.server.EmbeddedServer;
import io.tributary.playlist.service.ManifestService;
import io.tributary.playlist.service.PlaylistConfig;
import io.tributary.playlist.service.PlaylistEnv;
import io.tributary.playlist.service.PlaylistMetrics;
import io.tributary.playlist.service.Priming;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local playlist server (Netty): manifests, segments from S3, the watch page, {@code /metrics}.
 * Prints {@code ready: playlist <url>} on stdout once listening; stops cleanly on SIGTERM
 * (Micronaut's shutdown hook closes the context).
 */
public final class PlaylistServer {
  private static final Logger LOG = LoggerFactory.getLogger(PlaylistServer.class);
  static final int PRIMING_ROUNDS = 50;

  private PlaylistServer() {}

  public static void main(String[] args) {
    long t0 = System.nanoTime();
    ApplicationContext ctx = start(System.getenv(), args);
    EmbeddedServer server = ctx.getBean(EmbeddedServer.class);
    System.out.println("ready: playlist " + server.getURL());
    System.out.flush();
    LOG.info("playlist server listening on {} after {} ms", server.getURL(), (System.nanoTime() - t0) / 1_000_000);
    progress(ctx);
  }

  /** Starts the server with the given environment (port 0 = any free port). */
  public static ApplicationContext start(Map<String, String> env, String... args) {
    PlaylistConfig config = PlaylistConfig.fromEnv(env);
    Map<String, Object> props = new HashMap<>();
    props.put("micronaut.server.host", config.host());
    props.put("micronaut.server.port", config.port() == 0 ? -1 : config.port());
    ApplicationContext ctx = Micronaut.build(args).mainClass(PlaylistServer.class).properties(props)
        .singletons(new PlaylistEnv(env)).banner(false).eagerInitSingletons(config.eagerInit()).start();
    if (config.eagerInit()) {
      Priming.run(PRIMING_ROUNDS);
      ctx.getBean(ManifestService.class).primeAws();
    }
    return ctx;
  }

  /** One progress line a minute with the request count, for a long-running process. */
  private static void progress(ApplicationContext ctx) {
    PlaylistMetrics metrics = ctx.getBean(PlaylistMetrics.class);
    ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "playlist-progress");
      t.setDaemon(true);
      return t;
    });
    timer.scheduleAtFixedRate(() -> LOG.info("playlist server alive: {} requests served", metrics.totalRequests()),
        60, 60, TimeUnit.SECONDS);
  }
}
