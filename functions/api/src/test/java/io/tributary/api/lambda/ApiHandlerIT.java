package io.tributary.api.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.ApplicationContext;
import io.tributary.api.TestApi;
import io.tributary.core.keys.StreamKeys;
import io.tributary.core.playback.PlaybackTokens;
import io.tributary.local.aws.LocalAws;
import io.tributary.local.aws.LocalAwsExtension;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The real Lambda handler class, driven with recorded API Gateway HTTP API v2 events, against the
 * local DynamoDB. No Netty server is involved: Micronaut's function proxy routes the event.
 */
@ExtendWith(LocalAwsExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiHandlerIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private ApplicationContext ctx;
  private ApiHandler handler;
  private String token;

  @BeforeAll
  void start(LocalAws aws) {
    ctx = TestApi.context(aws, Map.of());
    handler = new ApiHandler(ctx);
    token = TestApi.token(ctx, "lambda-" + System.nanoTime());
  }

  @AfterAll
  void stop() {
    handler.close();
  }

  private APIGatewayV2HTTPResponse invoke(String event, Map<String, String> values) {
    Map<String, String> all = new java.util.HashMap<>(Map.of("token", token));
    all.putAll(values);
    return handler.handleRequest(RecordedEvents.load(event, all), new FakeLambdaContext());
  }

  private static JsonNode body(APIGatewayV2HTTPResponse r) throws Exception {
    String b = r.getIsBase64Encoded() ? new String(Base64.getDecoder().decode(r.getBody())) : r.getBody();
    return JSON.readTree(b);
  }

  private static String header(APIGatewayV2HTTPResponse r, String name) {
    return r.getHeaders().entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue)
        .findFirst().orElse(null);
  }

  @Test
  void createThenGetThenKeyThenStatus(LocalAws aws) throws Exception {
    APIGatewayV2HTTPResponse created = invoke("create-stream", Map.of());
    assertEquals(201, created.getStatusCode(), created.getBody());
    JsonNode stream = body(created);
    String id = stream.get("id").asText();
    assertEquals("lobby cam", stream.get("name").asText());
    assertTrue(stream.get("private").asBoolean());

    APIGatewayV2HTTPResponse got = invoke("get-stream", Map.of("streamId", id));
    assertEquals(200, got.getStatusCode());
    assertEquals(stream, body(got));

    APIGatewayV2HTTPResponse key = invoke("create-key", Map.of("streamId", id));
    assertEquals(201, key.getStatusCode(), key.getBody());
    JsonNode k = body(key);
    String secret = k.get("key").asText();
    assertEquals("rtmp://127.0.0.1:1935/live/" + secret, k.get("publishUrl").asText());
    // Stored hashed: ingest finds the key by the SHA-256 of what the encoder presents.
    var item = aws.clients().dynamo().getItem(b -> b.tableName(aws.names().keysTable())
        .key(Map.of("keyHash", AttributeValue.fromS(StreamKeys.hash(secret))))).item();
    assertEquals(id, item.get("streamId").s());
    assertFalse(item.toString().contains(secret));

    APIGatewayV2HTTPResponse status = invoke("stream-status", Map.of("streamId", id));
    assertEquals(200, status.getStatusCode(), status.getBody());
    JsonNode st = body(status);
    assertEquals("IDLE", st.get("state").asText());
    String hls = st.get("playback").get("hls").asText();
    assertTrue(hls.startsWith("http://127.0.0.1:8082/live/" + id + "/master.m3u8?token="), hls);
    String playbackToken = hls.substring(hls.indexOf("token=") + 6);
    assertTrue(PlaybackTokens.fromSecret(TestApi.PLAYBACK_SECRET).verify(id, playbackToken, Instant.now()));
    assertTrue(st.get("playback").get("thumbnail").asText().startsWith("http://127.0.0.1:8082/live/" + id + "/thumb.jpg?token="));
  }

  @Test
  void listIsPagedNewestFirstWithOpaqueCursor() throws Exception {
    Map<String, String> tenant = Map.of("token", TestApi.token(ctx, "paging-" + System.nanoTime()));
    assertEquals(0, body(invoke("list-streams", tenant)).get("items").size());
    java.util.List<String> created = new java.util.ArrayList<>();
    for (int i = 0; i < 3; i++) {
      created.add(0, body(invoke("create-stream", tenant)).get("id").asText());
      Thread.sleep(5); // distinct createdAt milliseconds, so "newest first" is one order
    }
    JsonNode p1 = body(invoke("list-streams", tenant)); // limit=2 in the recorded query string
    assertEquals(java.util.List.of(created.get(0), created.get(1)), ids(p1));
    String cursor = p1.get("nextCursor").asText();
    var next = RecordedEvents.load("list-streams", Map.of("token", tenant.get("token")));
    next.setRawQueryString("limit=2&cursor=" + cursor);
    next.setQueryStringParameters(Map.of("limit", "2", "cursor", cursor));
    JsonNode p2 = body(handler.handleRequest(next, new FakeLambdaContext()));
    assertEquals(java.util.List.of(created.get(2)), ids(p2));
    assertFalse(p2.has("nextCursor"), p2.toString());
  }

  private static java.util.List<String> ids(JsonNode page) {
    java.util.List<String> ids = new java.util.ArrayList<>();
    page.get("items").forEach(i -> ids.add(i.get("id").asText()));
    return ids;
  }

  @Test
  void unknownFieldIsProblemJson() throws Exception {
    APIGatewayV2HTTPResponse r = invoke("create-stream-unknown-field", Map.of());
    assertEquals(400, r.getStatusCode(), r.getBody());
    assertEquals("application/problem+json", header(r, "Content-Type"));
    assertTrue(body(r).get("detail").asText().contains("bitrate"), r.getBody());
  }

  @Test
  void oversizedBodyIs413BeforeAnyWork() throws Exception {
    var event = RecordedEvents.load("create-stream", Map.of("token", token));
    String body = "{\"name\":\"" + "x".repeat(20_000) + "\"}";
    event.setBody(body);
    var headers = new java.util.HashMap<>(event.getHeaders());
    headers.put("content-length", Integer.toString(body.length()));
    event.setHeaders(headers);
    APIGatewayV2HTTPResponse r = handler.handleRequest(event, new FakeLambdaContext());
    assertEquals(413, r.getStatusCode(), r.getBody());
    assertEquals("body", body(r).get("field").asText());
  }

  @Test
  void base64BodyIsDecoded() throws Exception {
    APIGatewayV2HTTPResponse r = invoke("create-stream-base64", Map.of());
    assertEquals(201, r.getStatusCode(), r.getBody());
    assertEquals("base64 cam", body(r).get("name").asText());
  }

  @Test
  void wrongTokenIs401AndHealthNeedsNone() throws Exception {
    APIGatewayV2HTTPResponse r = invoke("get-stream", Map.of("token", "revoked-or-never-issued-token-xxxxxxxx",
        "streamId", "st_aaaaaaaaaaaaaaaaaaaa"));
    assertEquals(401, r.getStatusCode());
    assertEquals("header:Authorization", body(r).get("field").asText());
    APIGatewayV2HTTPResponse h = invoke("health", Map.of("token", "nothing"));
    assertEquals(200, h.getStatusCode());
    assertEquals("UP", body(h).get("status").asText());
  }

  @Test
  void openApiDocumentIsServed() {
    APIGatewayV2HTTPResponse r = invoke("openapi", Map.of());
    assertEquals(200, r.getStatusCode());
    String yaml = r.getIsBase64Encoded() ? new String(Base64.getDecoder().decode(r.getBody())) : r.getBody();
    assertTrue(yaml.contains("/streams/{id}/keys"), yaml);
    assertTrue(yaml.contains("bearer"), yaml);
    assertTrue(yaml.contains("operationId: createStream"), yaml);
    assertFalse(yaml.contains("name: caller"), "the authenticated caller is not a request parameter");
  }
}
