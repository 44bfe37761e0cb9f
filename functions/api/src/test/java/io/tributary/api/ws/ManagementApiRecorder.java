package io.tributary.api.ws;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The API Gateway management API's PostToConnection for tests (there is no emulator here): an
 * HTTP endpoint on loopback at {@code /{stage}/@connections/{id}} that records each message, and
 * answers 410 GoneException (REST-JSON, {@code x-amzn-ErrorType}) for connections marked gone,
 * as API Gateway does for a client that went away. The SDK client under test is the real one.
 */
public final class ManagementApiRecorder implements AutoCloseable {
  public record Post(String method, String path, String connectionId, String body) {}

  private final HttpServer server;
  private final List<Post> posts = new ArrayList<>();
  private final Set<String> gone = ConcurrentHashMap.newKeySet();

  public ManagementApiRecorder() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  /** The endpoint the handler is configured with: stage path included, as CloudFormation gives it. */
  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/live");
  }

  public void gone(String connectionId) {
    gone.add(connectionId);
  }

  public synchronized List<Post> posts() {
    return List.copyOf(posts);
  }

  private void handle(HttpExchange ex) throws IOException {
    String path = ex.getRequestURI().getRawPath();
    String id = URLDecoder.decode(path.substring(path.lastIndexOf('/') + 1), StandardCharsets.UTF_8);
    String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    if (gone.contains(id)) {
      byte[] out = "{\"message\":null}".getBytes(StandardCharsets.UTF_8);
      ex.getResponseHeaders().set("x-amzn-ErrorType", "GoneException");
      ex.getResponseHeaders().set("Content-Type", "application/json");
      ex.sendResponseHeaders(410, out.length);
      ex.getResponseBody().write(out);
      ex.close();
      return;
    }
    synchronized (this) {
      posts.add(new Post(ex.getRequestMethod(), path, id, body));
    }
    ex.sendResponseHeaders(200, -1);
    ex.close();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
