package io.tributary.ingest.server;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * ECS task scale-in protection while publishers are connected, so a scale-in never cuts a live
 * stream (PUT {@code $ECS_AGENT_URI/task-protection/v1/state}, ECS developer guide
 * "Protect your Amazon ECS tasks from being terminated by scale-in events"). Protection expires by
 * itself after {@link #EXPIRES_MINUTES}; it is renewed while publishers remain. Without
 * {@code ECS_AGENT_URI} (local runs) it does nothing.
 */
public final class TaskProtection implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(TaskProtection.class);
  static final int EXPIRES_MINUTES = 60;

  private final Optional<URI> endpoint;
  private final HttpClient http;
  private final ScheduledExecutorService worker;
  private boolean protectedNow;
  private int publishers;

  public TaskProtection(Optional<String> ecsAgentUri) {
    this.endpoint = ecsAgentUri.map(u -> URI.create(u.replaceAll("/+$", "") + "/task-protection/v1/state"));
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    this.worker = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "task-protection");
      t.setDaemon(true);
      return t;
    });
    endpoint.ifPresent(e -> worker.scheduleAtFixedRate(this::refresh, EXPIRES_MINUTES / 2, EXPIRES_MINUTES / 2,
        TimeUnit.MINUTES));
  }

  public boolean enabled() {
    return endpoint.isPresent();
  }

  /** Called whenever the count of active publishes changes; the HTTP call happens on its own thread. */
  public void publishers(int count) {
    if (endpoint.isEmpty()) {
      return;
    }
    worker.execute(() -> {
      publishers = count;
      boolean want = count > 0;
      if (want != protectedNow) {
        protectedNow = put(want);
      }
    });
  }

  private void refresh() {
    if (publishers > 0) {
      protectedNow = put(true);
    }
  }

  /** Returns the protection state now in force as far as we know. */
  private boolean put(boolean enable) {
    String body = enable ? "{\"ProtectionEnabled\":true,\"ExpiresInMinutes\":" + EXPIRES_MINUTES + "}"
        : "{\"ProtectionEnabled\":false}";
    try {
      HttpResponse<String> r = http.send(HttpRequest.newBuilder(endpoint.get()).timeout(Duration.ofSeconds(5))
          .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(body)).build(),
          HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() / 100 != 2) {
        LOG.warn("task protection {} refused by the ECS agent: HTTP {} {}", enable ? "on" : "off", r.statusCode(),
            r.body());
        return !enable;
      }
      LOG.info("task scale-in protection {} ({} publisher(s))", enable ? "on" : "off", publishers);
      return enable;
    } catch (java.io.IOException e) {
      LOG.warn("task protection {} failed: {}", enable ? "on" : "off", e.toString());
      return !enable;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return !enable;
    }
  }

  @Override
  public void close() {
    if (endpoint.isPresent() && protectedNow) {
      try {
        worker.submit(() -> {
          protectedNow = put(false);
        }).get(6, TimeUnit.SECONDS);
      } catch (Exception e) {
        LOG.warn("task protection not cleared on shutdown: {}", e.toString());
      }
    }
    worker.shutdownNow();
  }
}
