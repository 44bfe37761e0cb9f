package io.tributary.api.events;

import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * POSTs each event as JSON to every configured URL, signed ({@link WebhookSigner}), from one
 * delivery thread with a bounded queue. A delivery is tried {@link #ATTEMPTS} times with doubling
 * backoff on a network error or non-2xx answer, then logged and dropped: webhooks are a
 * notification, the streams table stays the source of truth.
 */
public final class WebhookSink implements EventSink, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(WebhookSink.class);
  static final int ATTEMPTS = 4;
  private static final int QUEUE = 1000;

  private final List<URI> urls;
  private final WebhookSigner signer;
  private final JsonMapper json;
  private final long firstBackoffMs;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
  private final ExecutorService delivery = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
      new LinkedBlockingQueue<>(QUEUE), r -> {
        Thread t = new Thread(r, "webhook-delivery");
        t.setDaemon(true);
        return t;
      });

  public WebhookSink(List<URI> urls, WebhookSigner signer, JsonMapper json, long firstBackoffMs) {
    this.urls = List.copyOf(urls);
    this.signer = signer;
    this.json = json;
    this.firstBackoffMs = firstBackoffMs;
  }

  @Override
  public void publish(List<StreamEvent> events) {
    for (StreamEvent e : events) {
      for (URI url : urls) {
        try {
          delivery.execute(() -> deliver(url, e));
        } catch (RejectedExecutionException full) {
          LOG.warn("webhook queue full ({}), dropped {} for {}", QUEUE, e.type(), e.streamId());
        }
      }
    }
  }

  /** @return the number of attempts used, or -1 when every attempt failed */
  int deliver(URI url, StreamEvent e) {
    String body;
    try {
      body = json.writeValueAsString(e);
    } catch (IOException ex) {
      throw new IllegalStateException(ex);
    }
    long backoff = firstBackoffMs;
    for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
      long ts = System.currentTimeMillis() / 1000;
      HttpRequest req = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(5))
          .header("Content-Type", "application/json").header("X-Tributary-Event", e.type())
          .header(WebhookSigner.TIMESTAMP_HEADER, Long.toString(ts))
          .header(WebhookSigner.SIGNATURE_HEADER, signer.sign(ts, body))
          .POST(HttpRequest.BodyPublishers.ofString(body)).build();
      String failure;
      try {
        int status = http.send(req, HttpResponse.BodyHandlers.discarding()).statusCode();
        if (status / 100 == 2) {
          LOG.info("webhook {} delivered to {} (attempt {})", e.type(), url.getHost(), attempt);
          return attempt;
        }
        failure = "HTTP " + status;
      } catch (IOException ex) {
        failure = ex.toString();
      } catch (InterruptedException ex) {
        Thread.currentThread().interrupt();
        return -1;
      }
      LOG.warn("webhook {} to {} failed (attempt {}/{}): {}", e.type(), url.getHost(), attempt, ATTEMPTS, failure);
      if (attempt < ATTEMPTS) {
        try {
          Thread.sleep(backoff);
        } catch (InterruptedException ex) {
          Thread.currentThread().interrupt();
          return -1;
        }
        backoff *= 2;
      }
    }
    return -1;
  }

  @Override
  public void close() {
    delivery.shutdownNow();
  }
}
