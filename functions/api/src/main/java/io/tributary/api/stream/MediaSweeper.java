package io.tributary.api.stream;

import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import io.tributary.api.config.ApiConfig;
import io.tributary.core.aws.AwsClients;
import io.tributary.api.sweep.MediaPurge;
import io.tributary.core.resources.ResourceNames;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The background sweep behind "delete marks media for deletion" (StreamsTable.DELETED_AT), run
 * by the local server: once a deletion is older than {@code TRIBUTARY_MEDIA_SWEEP_DELAY_S} (so
 * ingest and workers have stopped writing), it deletes the stream's media prefix and raw chunks
 * in S3 ({@link MediaPurge}, shared with the AWS sweep Lambda), then the stream item. Bounded per
 * run (streams and objects), so one run never stalls. In AWS the change stream schedules the same
 * purge through a delay queue instead ({@code io.tributary.api.lambda.MediaSweepHandler}).
 */
@Singleton
public class MediaSweeper implements ApplicationEventListener<ServerStartupEvent> {
  private static final Logger LOG = LoggerFactory.getLogger(MediaSweeper.class);
  static final int MAX_STREAMS_PER_RUN = 100;
  static final int MAX_OBJECTS_PER_STREAM_RUN = 10_000;
  static final long PERIOD_S = 60;

  private final StreamRepository streams;
  private final AwsClients clients;
  private final ResourceNames names;
  private final Clock clock;
  private final long delayMs;
  private ScheduledExecutorService timer;
  private S3Client s3;
  private MediaPurge purge;

  public MediaSweeper(StreamRepository streams, AwsClients clients, ResourceNames names, ApiConfig config, Clock clock) {
    this.streams = streams;
    this.clients = clients;
    this.names = names;
    this.clock = clock;
    this.delayMs = config.mediaSweepDelayS() * 1000L;
  }

  @Override
  public synchronized void onApplicationEvent(ServerStartupEvent event) {
    if (timer != null) {
      return;
    }
    timer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "media-sweeper");
      t.setDaemon(true);
      return t;
    });
    timer.scheduleWithFixedDelay(() -> {
      try {
        sweep();
      } catch (RuntimeException e) {
        LOG.warn("media sweep failed: {}", e.toString());
      }
    }, PERIOD_S, PERIOD_S, TimeUnit.SECONDS);
  }

  /** One run; returns the number of streams fully purged. */
  public synchronized int sweep() {
    List<StreamRecord> due = streams.scanDeleted(clock.millis() - delayMs, MAX_STREAMS_PER_RUN);
    if (purge == null) {
      s3 = clients.s3();
      purge = new MediaPurge(s3, names, MAX_OBJECTS_PER_STREAM_RUN);
    }
    int purged = 0;
    for (StreamRecord r : due) {
      MDC.put("streamId", r.id().value());
      try {
        MediaPurge.Progress p = purge.run(r.id());
        if (p.done() && streams.purge(r.id())) {
          purged++;
          LOG.info("swept deleted stream: {} objects removed", p.deleted());
        } else if (!p.done()) {
          LOG.info("sweeping deleted stream: {} objects removed, more next run", p.deleted());
        }
      } finally {
        MDC.remove("streamId");
      }
    }
    return purged;
  }

  @PreDestroy
  synchronized void stop() {
    if (timer != null) {
      timer.shutdownNow();
    }
    if (s3 != null) {
      s3.close();
    }
  }
}
