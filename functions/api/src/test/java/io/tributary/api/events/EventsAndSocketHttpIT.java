package io.tributary.api.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.tributary.api.Http;
import io.tributary.api.IngestRows;
import io.tributary.api.TestApi;
import io.tributary.core.id.SessionId;
import io.tributary.local.aws.LocalAws;
import io.tributary.local.aws.LocalAwsExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The local server's poller: webhooks for start/health/end, and WebSocket status pushes. */
@ExtendWith(LocalAwsExtension.class)
class EventsAndSocketHttpIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SECRET = "webhook-secret-for-tests-0123";

  private static JsonNode await(List<WebhookReceiver.Delivery> deliveries, Predicate<JsonNode> match) throws Exception {
    long deadline = System.currentTimeMillis() + 15_000;
    while (System.currentTimeMillis() < deadline) {
      for (WebhookReceiver.Delivery d : deliveries) {
        JsonNode n = JSON.readTree(d.body());
        if (match.test(n)) {
          WebhookSigner signer = new WebhookSigner(SECRET.getBytes(StandardCharsets.UTF_8));
          assertEquals(signer.sign(Long.parseLong(d.headers().get("timestamp")), d.body()), d.headers().get("signature"));
          return n;
        }
      }
      Thread.sleep(50);
    }
    throw new AssertionError("no matching webhook within 15 s; got " + deliveries.size() + " deliveries");
  }

  @Test
  void transitionsBecomeSignedWebhooksAndSocketPushes(LocalAws aws) throws Exception {
    try (WebhookReceiver receiver = new WebhookReceiver()) {
      EmbeddedServer server = TestApi.server(aws, Map.of("tributary.events-poll-ms", 200,
          "tributary.webhook-urls", receiver.url().toString(), "tributary.webhook-secret", SECRET));
      try {
        String token = TestApi.token(server.getApplicationContext(), "events-" + System.nanoTime());
        Http api = new Http(URI.create("http://127.0.0.1:" + server.getPort() + "/"), token);
        String id = JSON.readTree(api.post("streams", "{\"name\":\"evented\"}").body()).get("id").asText();
        String keyId = JSON.readTree(api.post("streams/" + id + "/keys", null).body()).get("id").asText();

        LinkedBlockingQueue<String> pushed = new LinkedBlockingQueue<>();
        WebSocket ws = HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(
            URI.create("ws://127.0.0.1:" + server.getPort() + "/ws/streams/" + id + "?access_token=" + token),
            new WebSocket.Listener() {
              private final StringBuilder buf = new StringBuilder();

              @Override
              public CompletionStage<?> onText(WebSocket w, CharSequence data, boolean last) {
                buf.append(data);
                if (last) {
                  pushed.add(buf.toString());
                  buf.setLength(0);
                }
                w.request(1);
                return null;
              }
            }).get(10, TimeUnit.SECONDS);
        JsonNode first = JSON.readTree(pushed.poll(10, TimeUnit.SECONDS));
        assertEquals("IDLE", first.get("state").asText());

        // A push (not the greeting) proves a poll ran with the stream idle, so going live is a transition.
        String push = pushed.poll(15, TimeUnit.SECONDS);
        assertTrue(push != null, "no status push from the poller");
        assertEquals("IDLE", JSON.readTree(push).get("state").asText());
        String sid = SessionId.startingAt(Instant.now()).value();
        IngestRows.goLive(aws, id, sid, keyId, System.currentTimeMillis());
        JsonNode started = await(receiver.deliveries, n -> n.get("type").asText().equals("stream.started")
            && n.get("streamId").asText().equals(id));
        assertEquals(sid, started.get("sessionId").asText());
        JsonNode health = await(receiver.deliveries, n -> n.get("type").asText().equals("stream.health")
            && n.get("streamId").asText().equals(id));
        assertEquals(4500, health.get("health").get("bitrateKbps").asInt());

        JsonNode livePush = null;
        for (int i = 0; i < 50 && livePush == null; i++) {
          String msg = pushed.poll(300, TimeUnit.MILLISECONDS);
          if (msg != null && JSON.readTree(msg).get("state").asText().equals("LIVE")) {
            livePush = JSON.readTree(msg);
          }
        }
        assertTrue(livePush != null, "no LIVE status pushed over the WebSocket");
        assertEquals(sid, livePush.get("sessionId").asText());

        api.send("DELETE", "streams/" + id + "/keys/" + keyId + "?endSession=true", null, Map.of());
        JsonNode ended = await(receiver.deliveries, n -> n.get("type").asText().equals("stream.ended")
            && n.get("streamId").asText().equals(id));
        assertEquals(sid, ended.get("sessionId").asText());
        ws.abort();
      } finally {
        server.getApplicationContext().close();
      }
    }
  }

  @Test
  void socketForAnotherTenantsStreamIsClosed(LocalAws aws) throws Exception {
    EmbeddedServer server = TestApi.server(aws, Map.of());
    try {
      String mine = TestApi.token(server.getApplicationContext(), "ws-a-" + System.nanoTime());
      String theirs = TestApi.token(server.getApplicationContext(), "ws-b-" + System.nanoTime());
      Http api = new Http(URI.create("http://127.0.0.1:" + server.getPort() + "/"), mine);
      String id = JSON.readTree(api.post("streams", "{\"name\":\"private ws\"}").body()).get("id").asText();
      LinkedBlockingQueue<Integer> closed = new LinkedBlockingQueue<>();
      HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(
          URI.create("ws://127.0.0.1:" + server.getPort() + "/ws/streams/" + id + "?access_token=" + theirs),
          new WebSocket.Listener() {
            @Override
            public CompletionStage<?> onClose(WebSocket w, int status, String reason) {
              closed.add(status);
              return null;
            }
          }).get(10, TimeUnit.SECONDS);
      assertEquals(4404, closed.poll(10, TimeUnit.SECONDS));
    } finally {
      server.getApplicationContext().close();
    }
  }
}
