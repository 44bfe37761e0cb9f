package io.tributary.ingest.server;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;

/**
 * {@code GET /health} for the NLB/ECS health checks (200 while accepting publishers, 503 while
 * draining so the load balancer stops sending new ones) and {@code GET /metrics} in Prometheus
 * text format. The JDK's HTTP server: two endpoints need no framework.
 */
public final class HealthHttpServer implements AutoCloseable {
  private final HttpServer http;

  public HealthHttpServer(String host, int port, IngestServer server) throws IOException {
    http = HttpServer.create(new InetSocketAddress(host, port), 64);
    http.setExecutor(Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "ingest-http");
      t.setDaemon(true);
      return t;
    }));
    http.createContext("/health", ex -> {
      boolean ok = !server.draining();
      String body = "{\"status\":\"" + (ok ? "ok" : "draining") + "\",\"connections\":" + server.metrics().connections()
          + ",\"publishers\":" + server.metrics().publishers() + "}";
      send(ex, ok ? 200 : 503, "application/json", body);
    });
    http.createContext("/metrics", ex -> send(ex, 200, "text/plain; version=0.0.4; charset=utf-8",
        server.renderMetrics()));
    http.createContext("/", ex -> send(ex, 404, "text/plain", "not found\n"));
  }

  public void start() {
    http.start();
  }

  public InetSocketAddress address() {
    return http.getAddress();
  }

  private static void send(HttpExchange ex, int status, String type, String body) throws IOException {
    byte[] b = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", type);
    ex.getResponseHeaders().set("Cache-Control", "no-store");
    if (!"GET".equals(ex.getRequestMethod()) && !"HEAD".equals(ex.getRequestMethod())) {
      ex.sendResponseHeaders(405, -1);
      ex.close();
      return;
    }
    ex.sendResponseHeaders(status, "HEAD".equals(ex.getRequestMethod()) ? -1 : b.length);
    if (!"HEAD".equals(ex.getRequestMethod())) {
      try (OutputStream out = ex.getResponseBody()) {
        out.write(b);
      }
    }
    ex.close();
  }

  @Override
  public void close() {
    http.stop(0);
  }
}
