package io.tributary.transcode.metrics;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/** {@code GET /metrics} (Prometheus text) and {@code GET /health} on the JDK's HTTP server. */
public final class MetricsServer implements AutoCloseable {
  private final HttpServer server;

  public MetricsServer(String host, int port, WorkerMetrics metrics) {
    try {
      server = HttpServer.create(new InetSocketAddress(host, port), 16);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot listen on " + host + ":" + port + " for /metrics", e);
    }
    server.createContext("/metrics", ex -> {
      byte[] body = metrics.prometheus().getBytes(StandardCharsets.UTF_8);
      ex.getResponseHeaders().set("Content-Type", "text/plain; version=0.0.4; charset=utf-8");
      ex.sendResponseHeaders(200, body.length);
      try (OutputStream out = ex.getResponseBody()) {
        out.write(body);
      }
    });
    server.createContext("/health", ex -> {
      byte[] body = "ok\n".getBytes(StandardCharsets.UTF_8);
      ex.sendResponseHeaders(200, body.length);
      try (OutputStream out = ex.getResponseBody()) {
        out.write(body);
      }
    });
    server.start();
  }

  public int port() {
    return server.getAddress().getPort();
  }

  /** Where a local client reaches the listener (loopback when bound to every interface). */
  public String url() {
    var address = server.getAddress().getAddress();
    String host = address.isAnyLocalAddress() ? "127.0.0.1" : server.getAddress().getHostString();
    return "http://" + host + ":" + port();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
