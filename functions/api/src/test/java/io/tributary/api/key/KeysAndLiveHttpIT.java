package io.tributary.api.key;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.tributary.api.Http;
import io.tributary.api.IngestRows;
import io.tributary.api.TestApi;
import io.tributary.core.id.SessionId;
import io.tributary.core.keys.StreamKeys;
import io.tributary.core.resources.KeysTable;
import io.tributary.core.resources.StreamsTable;
import io.tributary.local.aws.LocalAws;
import io.tributary.local.aws.LocalAwsExtension;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Keys, live status, sessions, metrics and idempotent create over HTTP, with ingest's rows. */
@ExtendWith(LocalAwsExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KeysAndLiveHttpIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private EmbeddedServer server;
  private Http api;
  private LocalAws aws;

  @BeforeAll
  void start(LocalAws aws) {
    this.aws = aws;
    server = TestApi.server(aws, Map.of());
    api = new Http(URI.create("http://127.0.0.1:" + server.getPort() + "/"),
        TestApi.token(server.getApplicationContext(), "keys-" + System.nanoTime()));
  }

  @AfterAll
  void stop() {
    server.getApplicationContext().close();
  }

  private static JsonNode json(HttpResponse<String> r) {
    try {
      return JSON.readTree(r.body());
    } catch (Exception e) {
      throw new AssertionError("not JSON: " + r.body(), e);
    }
  }

  private String newStream(String body) {
    HttpResponse<String> r = api.post("streams", body);
    assertEquals(201, r.statusCode(), r.body());
    return json(r).get("id").asText();
  }

  private Map<String, AttributeValue> keyItem(String key) {
    return aws.clients().dynamo().getItem(b -> b.tableName(aws.names().keysTable())
        .key(Map.of(KeysTable.KEY_HASH, AttributeValue.fromS(StreamKeys.hash(key))))).item();
  }

  @Test
  void keyShownOnceListedByLast4RotatedAndRevoked() {
    String id = newStream("{\"name\":\"keys\"}");
    JsonNode k1 = json(api.post("streams/" + id + "/keys", null));
    String key1 = k1.get("key").asText();
    assertEquals(43, key1.length());
    assertEquals(key1.substring(39), k1.get("last4").asText());

    HttpResponse<String> list = api.get("streams/" + id + "/keys");
    assertEquals(200, list.statusCode());
    assertFalse(list.body().contains(key1), "a listed key must never include the key");
    assertEquals(k1.get("id").asText(), json(list).get(0).get("id").asText());
    assertTrue(json(list).get(0).get("active").asBoolean());

    HttpResponse<String> rotated = api.post("streams/" + id + "/keys/" + k1.get("id").asText() + "/rotate", null);
    assertEquals(201, rotated.statusCode(), rotated.body());
    String key2 = json(rotated).get("key").asText();
    assertNotEquals(key1, key2);
    assertTrue(keyItem(key1).containsKey(KeysTable.REVOKED_AT), "rotation revokes the old key");
    assertFalse(keyItem(key2).containsKey(KeysTable.REVOKED_AT));

    String k2id = json(rotated).get("id").asText();
    HttpResponse<String> revoked = api.send("DELETE", "streams/" + id + "/keys/" + k2id, null, Map.of());
    assertEquals(200, revoked.statusCode(), revoked.body());
    assertTrue(keyItem(key2).containsKey(KeysTable.REVOKED_AT));
    assertEquals(409, api.post("streams/" + id + "/keys/" + k2id + "/rotate", null).statusCode());
    assertEquals(404, api.send("DELETE", "streams/" + id + "/keys/key_aaaaaaaaaaaaaaaa", null, Map.of()).statusCode());
    assertEquals(404, api.send("DELETE", "streams/" + id + "/keys/nonsense", null, Map.of()).statusCode());
  }

  @Test
  void revokeWithEndSessionClearsTheLeaseOfThatKeysSession() {
    String id = newStream("{\"name\":\"live\"}");
    JsonNode k = json(api.post("streams/" + id + "/keys", null));
    String sid = SessionId.startingAt(Instant.now()).value();
    IngestRows.goLive(aws, id, sid, k.get("id").asText(), System.currentTimeMillis());

    JsonNode live = json(api.get("streams/" + id + "/status"));
    assertEquals("LIVE", live.get("state").asText(), live.toString());
    assertEquals(sid, live.get("sessionId").asText());
    assertEquals(4500, live.get("health").get("bitrateKbps").asInt());
    assertEquals("keyframe interval 4s > segment 2s", live.get("health").get("warnings").get(0).asText());
    assertEquals("http://127.0.0.1:8082/live/" + id + "/master.m3u8", live.get("playback").get("hls").asText());

    HttpResponse<String> r = api.send("DELETE", "streams/" + id + "/keys/" + k.get("id").asText() + "?endSession=true",
        null, Map.of());
    assertTrue(json(r).get("liveSessionEnded").asBoolean(), r.body());
    var item = aws.clients().dynamo().getItem(b -> b.tableName(aws.names().streamsTable())
        .key(Map.of(StreamsTable.STREAM_ID, AttributeValue.fromS(id)))).item();
    assertFalse(item.containsKey(StreamsTable.LIVE_SESSION_ID));
    assertEquals("0", item.get(StreamsTable.LEASE_UNTIL).n());
    assertEquals("ENDED", json(api.get("streams/" + id + "/status")).get("state").asText());
  }

  @Test
  void revokeLeavesAnotherKeysSessionAlone() {
    String id = newStream("{\"name\":\"two keys\"}");
    JsonNode a = json(api.post("streams/" + id + "/keys", null));
    JsonNode b = json(api.post("streams/" + id + "/keys", null));
    IngestRows.goLive(aws, id, SessionId.startingAt(Instant.now()).value(), b.get("id").asText(), System.currentTimeMillis());
    HttpResponse<String> r = api.send("DELETE", "streams/" + id + "/keys/" + a.get("id").asText() + "?endSession=true",
        null, Map.of());
    assertFalse(json(r).get("liveSessionEnded").asBoolean(), r.body());
    assertEquals("LIVE", json(api.get("streams/" + id + "/status")).get("state").asText());
  }

  @Test
  void deleteEndsLiveSessionAndRevokesKeys() {
    String id = newStream("{\"name\":\"doomed\"}");
    String key = json(api.post("streams/" + id + "/keys", null)).get("key").asText();
    IngestRows.goLive(aws, id, SessionId.startingAt(Instant.now()).value(), null, System.currentTimeMillis());
    assertEquals(204, api.send("DELETE", "streams/" + id, null, Map.of()).statusCode());
    assertTrue(keyItem(key).containsKey(KeysTable.REVOKED_AT));
    var item = aws.clients().dynamo().getItem(b -> b.tableName(aws.names().streamsTable())
        .key(Map.of(StreamsTable.STREAM_ID, AttributeValue.fromS(id)))).item();
    assertFalse(item.containsKey(StreamsTable.LIVE_SESSION_ID));
    assertTrue(item.containsKey(StreamsTable.DELETED_AT));
  }

  @Test
  void sessionsNewestFirstWithVodUrlsForRecordings() {
    String id = newStream("{\"name\":\"rec\",\"private\":true,\"recording\":true}");
    Instant t0 = Instant.parse("2026-11-20T10:00:00Z");
    String s1 = SessionId.startingAt(t0).value();
    String s2 = SessionId.startingAt(t0.plusSeconds(3600)).value();
    IngestRows.endedSession(aws, id, s1, t0.toEpochMilli(), t0.toEpochMilli() + 60_000, true);
    IngestRows.endedSession(aws, id, s2, t0.toEpochMilli() + 3_600_000, t0.toEpochMilli() + 3_630_000, false);
    JsonNode page = json(api.get("streams/" + id + "/sessions?limit=1"));
    assertEquals(s2, page.get("items").get(0).get("id").asText());
    assertEquals(30_000, page.get("items").get(0).get("durationMs").asLong());
    assertFalse(page.get("items").get(0).has("vodUrl"), "an unrecorded session has no VOD");
    JsonNode next = json(api.get("streams/" + id + "/sessions?limit=1&cursor=" + page.get("nextCursor").asText()));
    JsonNode first = next.get("items").get(0);
    assertEquals(s1, first.get("id").asText());
    assertTrue(first.get("vodUrl").asText().startsWith("http://127.0.0.1:8082/vod/" + id + "/" + s1
        + "/master.m3u8?token="), first.toString());
    assertEquals(400, api.get("streams/" + id + "/sessions?cursor=bogus").statusCode());
  }

  @Test
  void metricsAreDownsampledToTheRequestedPoints() {
    String id = newStream("{\"name\":\"metrics\"}");
    long t0 = Instant.parse("2026-11-20T10:00:00Z").toEpochMilli();
    for (int i = 0; i < 60; i++) {
      IngestRows.sample(aws, id, t0 + i * 2000L, 1000 + i, 30);
    }
    HttpResponse<String> r = api.get("streams/" + id + "/metrics?since=2026-11-20T10:00:00Z&until=2026-11-20T10:02:00Z&points=6");
    assertEquals(200, r.statusCode(), r.body());
    JsonNode m = json(r);
    assertEquals(60, m.get("samples").asInt());
    assertEquals(6, m.get("points").size());
    assertEquals(10, m.get("points").get(0).get("samples").asInt());
    assertEquals(1004.5, m.get("points").get(0).get("bitrateKbps").asDouble(), 1e-9);
    assertEquals(1000, m.get("points").get(0).get("bitrateKbpsMin").asDouble(), 1e-9);
    assertEquals(1280, m.get("points").get(5).get("width").asInt());
    assertEquals(400, api.get("streams/" + id + "/metrics?since=yesterday").statusCode());
    assertEquals(422, api.get("streams/" + id + "/metrics?since=2026-11-20T10:02:00Z&until=2026-11-20T10:00:00Z")
        .statusCode());
    assertEquals(422, api.get("streams/" + id + "/metrics?points=5000").statusCode());
  }

  @Test
  void idempotencyKeyReplaysTheFirstResponse() {
    String key = "create-" + System.nanoTime();
    String body = "{\"name\":\"once\"}";
    HttpResponse<String> first = api.send("POST", "streams", body, Map.of("Idempotency-Key", key));
    HttpResponse<String> again = api.send("POST", "streams", body, Map.of("Idempotency-Key", key));
    assertEquals(201, first.statusCode(), first.body());
    assertEquals(201, again.statusCode(), again.body());
    assertEquals(json(first), json(again));
    assertEquals("true", again.headers().firstValue("Idempotent-Replayed").orElse(""));
    HttpResponse<String> other = api.send("POST", "streams", "{\"name\":\"different\"}", Map.of("Idempotency-Key", key));
    assertEquals(422, other.statusCode(), other.body());
    assertEquals("header:Idempotency-Key", json(other).get("field").asText());
    HttpResponse<String> fresh = api.send("POST", "streams", body, Map.of("Idempotency-Key", key + "-2"));
    assertNotEquals(json(first).get("id"), json(fresh).get("id"));
  }
}
