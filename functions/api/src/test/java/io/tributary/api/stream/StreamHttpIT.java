package io.tributary.api.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.tributary.api.Http;
import io.tributary.api.TestApi;
import io.tributary.local.aws.LocalAws;
import io.tributary.local.aws.LocalAwsExtension;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/** The local Netty server over real HTTP: CRUD, tenant isolation, bad input, pagination. */
@ExtendWith(LocalAwsExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StreamHttpIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private EmbeddedServer server;
  private Http alice;
  private Http bob;

  @BeforeAll
  void start(LocalAws aws) {
    server = TestApi.server(aws, Map.of());
    URI base = URI.create("http://127.0.0.1:" + server.getPort() + "/");
    alice = new Http(base, TestApi.token(server.getApplicationContext(), "alice-" + System.nanoTime()));
    bob = alice.as(TestApi.token(server.getApplicationContext(), "bob-" + System.nanoTime()));
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

  @Test
  void createGetUpdateDelete() {
    HttpResponse<String> created = alice.post("streams", "{\"name\":\"cam 1\",\"segmentDurationMs\":4000,"
        + "\"ladder\":\"low-latency\",\"private\":true,\"dvrWindowS\":300,\"recording\":true}");
    assertEquals(201, created.statusCode(), created.body());
    JsonNode s = json(created);
    String id = s.get("id").asText();
    assertTrue(id.matches("st_[a-z2-7]{20}"));
    assertEquals("cam 1", s.get("name").asText());
    assertEquals(4000, s.get("segmentDurationMs").asInt());
    assertEquals("low-latency", s.get("ladder").asText());
    assertTrue(s.get("private").asBoolean());
    assertEquals("IDLE", s.get("state").asText());
    assertEquals("/streams/" + id, created.headers().firstValue("Location").orElseThrow());

    assertEquals(s, json(alice.get("streams/" + id)));

    HttpResponse<String> patched = alice.send("PATCH", "streams/" + id, "{\"name\":\"cam 2\",\"dvrWindowS\":0}", Map.of());
    assertEquals(200, patched.statusCode(), patched.body());
    assertEquals("cam 2", json(patched).get("name").asText());
    assertEquals(0, json(patched).get("dvrWindowS").asInt());
    assertEquals(4000, json(patched).get("segmentDurationMs").asInt());

    assertEquals(204, alice.send("DELETE", "streams/" + id, null, Map.of()).statusCode());
    assertEquals(404, alice.get("streams/" + id).statusCode());
    assertEquals(404, alice.send("DELETE", "streams/" + id, null, Map.of()).statusCode());
  }

  @Test
  void anotherTenantsStreamIsNotFound() {
    String id = json(alice.post("streams", "{\"name\":\"mine\"}")).get("id").asText();
    HttpResponse<String> r = bob.get("streams/" + id);
    assertEquals(404, r.statusCode());
    assertEquals("application/problem+json", r.headers().firstValue("Content-Type").orElseThrow());
    assertEquals(404, bob.send("PATCH", "streams/" + id, "{\"name\":\"x\"}", Map.of()).statusCode());
    assertEquals(404, bob.send("DELETE", "streams/" + id, null, Map.of()).statusCode());
    assertEquals(404, bob.post("streams/" + id + "/keys", null).statusCode());
    for (JsonNode item : json(bob.get("streams?limit=100")).get("items")) {
      assertNotEquals(id, item.get("id").asText());
    }
    assertEquals(200, alice.get("streams/" + id).statusCode());
  }

  @Test
  void missingOrWrongTokenIs401ButHealthIsOpen() {
    Http anonymous = alice.as(null);
    HttpResponse<String> r = anonymous.get("streams");
    assertEquals(401, r.statusCode());
    assertEquals("header:Authorization", json(r).get("field").asText());
    assertEquals(401, alice.as("not-a-real-token-but-long-enough-to-hash").get("streams").statusCode());
    assertEquals(200, anonymous.get("health").statusCode());
    HttpResponse<String> scrape = anonymous.get("metrics");
    assertEquals(200, scrape.statusCode());
    assertTrue(scrape.body().contains("tributary_api_requests_total{status=\"4xx\"}"), scrape.body());
    assertTrue(scrape.body().contains("tributary_api_request_seconds_count "), scrape.body());
    assertEquals(401, anonymous.get("openapi.yml").statusCode(), "only /health and /metrics are open");
  }

  @Test
  void badInputIsProblemJsonNamingFieldAndRule() {
    HttpResponse<String> range = alice.post("streams", "{\"name\":\"x\",\"segmentDurationMs\":7000}");
    assertEquals(422, range.statusCode(), range.body());
    assertEquals("application/problem+json", range.headers().firstValue("Content-Type").orElseThrow());
    assertEquals("segmentDurationMs", json(range).get("field").asText(), range.body());

    HttpResponse<String> ladder = alice.post("streams", "{\"name\":\"x\",\"ladder\":\"4k-hdr\"}");
    assertEquals(422, ladder.statusCode(), ladder.body());
    assertEquals("ladder", json(ladder).get("field").asText());
    assertTrue(json(ladder).get("rule").asText().contains("passthrough"), ladder.body());

    HttpResponse<String> unknown = alice.post("streams", "{\"name\":\"x\",\"colour\":\"red\"}");
    assertEquals(400, unknown.statusCode(), unknown.body());
    assertTrue(json(unknown).get("detail").asText().contains("colour"), unknown.body());
    assertEquals("colour", json(unknown).get("field").asText(), unknown.body());

    HttpResponse<String> noRoute = alice.get("nowhere");
    assertEquals(404, noRoute.statusCode());
    assertEquals("application/problem+json", noRoute.headers().firstValue("Content-Type").orElseThrow());
    HttpResponse<String> method = alice.send("PUT", "streams", "{}", Map.of());
    assertEquals(405, method.statusCode(), method.body());

    HttpResponse<String> malformed = alice.post("streams", "{\"name\":");
    assertEquals(400, malformed.statusCode(), malformed.body());
    assertEquals("application/problem+json", malformed.headers().firstValue("Content-Type").orElseThrow());

    HttpResponse<String> blank = alice.post("streams", "{\"name\":\"  \"}");
    assertEquals(422, blank.statusCode(), blank.body());
    assertEquals("name", json(blank).get("field").asText());

    HttpResponse<String> badId = alice.get("streams/st_NOT-AN-ID");
    assertEquals(404, badId.statusCode());
    assertEquals("id", json(badId).get("field").asText());

    HttpResponse<String> big = alice.post("streams", "{\"name\":\"" + "x".repeat(20_000) + "\"}");
    assertEquals(413, big.statusCode(), big.body());

    HttpResponse<String> limit = alice.get("streams?limit=0");
    assertEquals(422, limit.statusCode(), limit.body());
    assertEquals("limit", json(limit).get("field").asText(), limit.body());

    HttpResponse<String> cursor = alice.get("streams?cursor=garbage");
    assertEquals(400, cursor.statusCode(), cursor.body());
    assertEquals("cursor", json(cursor).get("field").asText());
  }
}
