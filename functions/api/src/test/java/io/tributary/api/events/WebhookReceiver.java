package io.tributary.api.events;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** A real HTTP endpoint (JDK server on loopback) recording webhook deliveries; can fail the first N. */
final class WebhookReceiver implements AutoCloseable {
  record Delivery(Map<String, String> headers, String body) {}

  final List<Delivery> deliveries = new CopyOnWriteArrayList<>();
  final AtomicInteger failFirst = new AtomicInteger();
  final AtomicInteger attempts = new AtomicInteger();
  private final HttpServer server;

  WebhookReceiver() {
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/hook", ex -> {
      String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      attempts.incrementAndGet();
      int status = failFirst.getAndDecrement() > 0 ? 503 : 204;
      if (status == 204) {
        deliveries.add(new Delivery(Map.of(
            "signature", ex.getRequestHeaders().getFirst(WebhookSigner.SIGNATURE_HEADER),
            "timestamp", ex.getRequestHeaders().getFirst(WebhookSigner.TIMESTAMP_HEADER),
            "event", ex.getRequestHeaders().getFirst("X-Tributary-Event")), body));
      }
      ex.sendResponseHeaders(status, -1);
      ex.close();
    });
    server.start();
  }

  URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hook");
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
