package io.tributary.api.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntPredicate;

/**
 * The EventBridge side of PutEvents for tests (no EventBridge emulator exists here): an HTTP
 * endpoint on loopback speaking the service's JSON 1.1 protocol ({@code X-Amz-Target:
 * AWSEvents.PutEvents}, {@code application/x-amz-json-1.1}) that records every entry it is sent
 * and answers per entry as EventBridge does ({@code FailedEntryCount}, {@code ErrorCode} on the
 * rejected ones). The SDK client under test is the real one; only the service is ours.
 */
public final class EventBridgeRecorder implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpServer server;
  private final List<JsonNode> accepted = new ArrayList<>();
  private final List<String> targets = new ArrayList<>();
  private final AtomicInteger seen = new AtomicInteger();
  private volatile IntPredicate reject = i -> false;
  private volatile boolean down;

  public EventBridgeRecorder() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** Rejects the entries whose running index (over every entry ever sent) matches. */
  public void rejectEntries(IntPredicate which) {
    this.reject = which;
  }

  /** Answers every call with HTTP 500, as during a service outage. */
  public void down(boolean down) {
    this.down = down;
  }

  public synchronized List<JsonNode> accepted() {
    return List.copyOf(accepted);
  }

  public synchronized List<String> targets() {
    return List.copyOf(targets);
  }

  public synchronized void clear() {
    accepted.clear();
    targets.clear();
  }

  private void handle(HttpExchange ex) throws IOException {
    byte[] body = ex.getRequestBody().readAllBytes();
    String target = ex.getRequestHeaders().getFirst("X-Amz-Target");
    synchronized (this) {
      targets.add(target + " " + ex.getRequestHeaders().getFirst("Content-Type"));
    }
    if (down) {
      reply(ex, 500, "{\"__type\":\"InternalException\",\"message\":\"recorder is down\"}");
      return;
    }
    if (!"AWSEvents.PutEvents".equals(target)) {
      reply(ex, 400, "{\"__type\":\"UnknownOperationException\",\"message\":\"" + target + "\"}");
      return;
    }
    JsonNode request = JSON.readTree(body);
    ArrayNode results = JSON.createArrayNode();
    int failed = 0;
    for (JsonNode entry : request.path("Entries")) {
      int index = seen.getAndIncrement();
      ObjectNode r = results.addObject();
      if (reject.test(index)) {
        failed++;
        r.put("ErrorCode", "InternalFailure");
        r.put("ErrorMessage", "rejected by the test at entry " + index);
      } else {
        synchronized (this) {
          accepted.add(entry);
        }
        r.put("EventId", "11710aed-b79e-4468-a20b-bb3c0c3b" + String.format("%04d", index));
      }
    }
    ObjectNode response = JSON.createObjectNode();
    response.put("FailedEntryCount", failed);
    response.set("Entries", results);
    reply(ex, 200, JSON.writeValueAsString(response));
  }

  private static void reply(HttpExchange ex, int status, String json) throws IOException {
    byte[] out = json.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.1");
    ex.sendResponseHeaders(status, out.length);
    ex.getResponseBody().write(out);
    ex.close();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
