package io.tributary.local.aws;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/** {@code GET /metrics} on 127.0.0.1 in Prometheus text format, for the standalone server. */
final class MetricsEndpoint implements AutoCloseable {
  static final String ENV_PORT = "TRIBUTARY_LOCAL_AWS_METRICS_PORT";

  private final HttpServer http;

  private MetricsEndpoint(HttpServer http) {
    this.http = http;
  }

  static MetricsEndpoint start(int port, Supplier<String> text) {
    int p = LoopbackPort.claim(port, "local AWS metrics", ENV_PORT);
    try {
      HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getByName(LoopbackPort.HOST), p), 8);
      http.createContext("/metrics", ex -> {
        byte[] body = text.get().getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "text/plain; version=0.0.4; charset=utf-8");
        ex.sendResponseHeaders(200, body.length);
        try (OutputStream out = ex.getResponseBody()) {
          out.write(body);
        }
      });
      http.start();
      return new MetricsEndpoint(http);
    } catch (IOException e) {
      throw new LocalAwsException(ENV_PORT, Integer.toString(port), "cannot serve /metrics on port " + port + " ("
          + e.getMessage() + "): set " + ENV_PORT + " to a free port or unset it", e);
    }
  }

  int port() {
    return http.getAddress().getPort();
  }

  @Override
  public void close() {
    http.stop(0);
  }
}
