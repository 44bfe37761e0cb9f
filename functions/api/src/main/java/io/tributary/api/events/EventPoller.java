package io.tributary.api.events;

import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import io.tributary.api.config.ApiConfig;
import io.tributary.api.stream.StreamRecord;
import io.tributary.api.stream.StreamRepository;
import io.tributary.api.ws.StatusHub;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Local server only (it starts on the Netty server's startup event, which Lambda never fires):
 * every {@code TRIBUTARY_EVENTS_POLL_MS} reads a snapshot of the streams table (bounded Scan),
 * turns transitions into events for the sinks, and pushes live status to WebSocket subscribers.
 */
@Singleton
public class EventPoller implements ApplicationEventListener<ServerStartupEvent> {
  private static final Logger LOG = LoggerFactory.getLogger(EventPoller.class);
  static final int MAX_STREAMS = 10_000;
  static final long HEALTH_INTERVAL_MS = 10_000;
  /** Progress line every this many polls (5 min at the default 2 s). */
  static final long PROGRESS_EVERY = 150;

  private final StreamRepository streams;
  private final List<EventSink> sinks;
  private final StatusHub hub;
  private final Clock clock;
  private final long periodMs;
  private final EventDetector detector = new EventDetector(HEALTH_INTERVAL_MS);
  private ScheduledExecutorService timer;
  private long ticks;
  private long published;

  public EventPoller(StreamRepository streams, EventSinks.Configured sinks, StatusHub hub, ApiConfig config, Clock clock) {
    this.streams = streams;
    this.sinks = sinks.sinks();
    this.hub = hub;
    this.clock = clock;
    this.periodMs = config.eventsPollMs();
  }

  @Override
  public synchronized void onApplicationEvent(ServerStartupEvent event) {
    if (periodMs <= 0 || timer != null) {
      return;
    }
    timer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "stream-event-poller");
      t.setDaemon(true);
      return t;
    });
    timer.scheduleWithFixedDelay(this::safePoll, 0, periodMs, TimeUnit.MILLISECONDS);
    LOG.info("polling the streams table every {} ms for events ({} sinks) and WebSocket pushes", periodMs, sinks.size());
  }

  private void safePoll() {
    try {
      poll();
    } catch (RuntimeException e) {
      LOG.warn("stream event poll failed: {}", e.toString());
    }
  }

  /** One tick; returns the events published. */
  public synchronized List<StreamEvent> poll() {
    List<StreamRecord> snapshot = streams.scanAll(MAX_STREAMS);
    List<StreamEvent> events = detector.next(snapshot, clock.millis());
    if (!events.isEmpty()) {
      sinks.forEach(s -> s.publish(events));
      LOG.info("published {} stream events", events.size());
    }
    hub.push(snapshot);
    published += events.size();
    if (++ticks % PROGRESS_EVERY == 0) {
      LOG.info("event poller: {} polls, {} events published, {} streams in the last snapshot", ticks, published,
          snapshot.size());
    }
    return events;
  }

  @PreDestroy
  synchronized void stop() {
    if (timer != null) {
      timer.shutdownNow();
    }
  }
}
