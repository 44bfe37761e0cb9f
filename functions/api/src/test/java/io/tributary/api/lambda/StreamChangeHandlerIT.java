package io.tributary.api.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.api.events.EventBridgeRecorder;
import io.tributary.api.IngestRows;
import io.tributary.api.events.EventBridgeSink;
import io.tributary.api.stream.DynamoStreamRepository;
import io.tributary.api.stream.StreamRecord;
import io.tributary.api.stream.StreamSettings;
import io.tributary.core.resources.StreamsTable;
import io.tributary.api.ws.ManagementApiRecorder;
import io.tributary.api.ws.SocketConnections;
import io.tributary.core.id.StreamId;
import io.tributary.local.aws.LocalAws;
import io.tributary.local.aws.LocalAwsExtension;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The change handler driven with a recorded stream life (create, go live, health samples, a
 * takeover after a task died, release, live again, delete while live, purge): the exact
 * PutEvents entries reach an EventBridge endpoint over the real SDK, the sweep request reaches
 * the real (emulated) SQS, and failures name the first record not handled.
 */
@ExtendWith(LocalAwsExtension.class)
class StreamChangeHandlerIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String BUS = "tributary-events";
  private static final String A = "20261125T203000Z-abcdefgh";
  private static final String B = "20261125T203200Z-ijklmnop";
  private static final String C = "20261125T203600Z-qrstuvwx";
  /** The fixture's deletion time, 2026-11-25T20:36:40Z. */
  private static final long DELETED_AT = Instant.parse("2026-11-25T20:36:40Z").toEpochMilli();

  private EventBridgeRecorder bus;
  private String streamId;
  private String tenant;

  @BeforeEach
  void start() throws Exception {
    bus = new EventBridgeRecorder();
    streamId = StreamId.random().value();
    tenant = "tenant-" + Long.toString(System.nanoTime(), 36);
  }

  @AfterEach
  void stop() {
    bus.close();
  }

  private String queue(LocalAws aws) {
    return aws.clients().sqs().createQueue(b -> b.queueName("sweep-" + streamId.substring(3))).queueUrl();
  }

  private StreamChangeHandler handler(LocalAws aws, String queueUrl, long graceS, Instant now) {
    Map<String, String> env = new HashMap<>(aws.env());
    env.put(ChangeHandlerConfig.EVENT_BUS_NAME, BUS);
    env.put(ChangeHandlerConfig.SWEEP_QUEUE_URL, queueUrl);
    env.put(ChangeHandlerConfig.SWEEP_GRACE_S, Long.toString(graceS));
    env.put("AWS_ENDPOINT_URL_EVENTBRIDGE", bus.endpoint().toString());
    return new StreamChangeHandler(env, Clock.fixed(now, ZoneOffset.UTC));
  }

  private DynamodbEvent life() {
    return RecordedStreamChanges.load("stream-life", Map.of("streamId", streamId, "tenant", tenant));
  }

  private String detail(String type, String session, String at) {
    return "{\"type\":\"" + type + "\",\"streamId\":\"" + streamId + "\",\"tenantId\":\"" + tenant
        + "\",\"sessionId\":\"" + session + "\",\"at\":\"" + at + "\"}";
  }

  private String health(String at, int kbps, String warnings) {
    return "{\"type\":\"stream.health\",\"streamId\":\"" + streamId + "\",\"tenantId\":\"" + tenant
        + "\",\"sessionId\":\"" + A + "\",\"at\":\"" + at + "\",\"health\":{\"audioCodec\":\"mp4a.40.2\","
        + "\"avDriftMs\":12,\"bitrateKbps\":" + kbps + ",\"fps\":29.97,\"height\":1080,\"keyframeIntervalMs\":2000,"
        + "\"sessionId\":\"" + A + "\",\"videoCodec\":\"avc1.640028\",\"warnings\":[" + warnings + "],\"width\":1920}}";
  }

  /** Every expected entry of the recorded life, in stream order. */
  private List<String> lifeDetails() {
    return List.of(
        detail("stream.started", A, "2026-11-25T20:30:00Z"),
        health("2026-11-25T20:30:05Z", 4500, ""),
        // 20:30:09 falls in the same 10 s bucket as 20:30:05: rate limited.
        health("2026-11-25T20:30:13Z", 4700, "\"keyframe interval 4s > segment 2s\""),
        detail("stream.ended", A, "2026-11-25T20:32:00Z"),
        detail("stream.started", B, "2026-11-25T20:32:00Z"),
        detail("stream.ended", B, "2026-11-25T20:35:00Z"),
        detail("stream.started", C, "2026-11-25T20:36:00Z"),
        detail("stream.ended", C, "2026-11-25T20:36:40Z"));
  }

  private static List<String> types(List<String> details) {
    return details.stream().map(d -> d.replaceAll(".*\"type\":\"([a-z.]+)\".*", "$1")).toList();
  }

  private void assertEntries(List<String> expectedDetails, List<JsonNode> entries) throws Exception {
    assertEquals(expectedDetails.size(), entries.size(), entries.toString());
    List<String> expectedTypes = types(expectedDetails);
    for (int i = 0; i < entries.size(); i++) {
      JsonNode e = entries.get(i);
      assertEquals(BUS, e.get("EventBusName").asText());
      assertEquals(EventBridgeSink.SOURCE, e.get("Source").asText());
      assertEquals(expectedTypes.get(i), e.get("DetailType").asText());
      assertEquals(expectedDetails.get(i), e.get("Detail").asText(), "entry " + i);
    }
  }

  private static List<String> failures(StreamsEventResponse res) {
    return res.getBatchItemFailures().stream().map(StreamsEventResponse.BatchItemFailure::getItemIdentifier).toList();
  }

  private static List<Message> receive(LocalAws aws, String queueUrl) {
    return aws.clients().sqs().receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(1))
        .messages();
  }

  @Test
  void aRecordedStreamLifeBecomesExactEventsAndOneSweepRequest(LocalAws aws) throws Exception {
    String queueUrl = queue(aws);
    StreamsEventResponse res = handler(aws, queueUrl, 0, Instant.ofEpochMilli(DELETED_AT + 2000))
        .handleRequest(life(), new FakeLambdaContext());

    assertEquals(List.of(), failures(res));
    assertEntries(lifeDetails(), bus.accepted());
    assertTrue(bus.targets().stream().allMatch(t -> t.equals("AWSEvents.PutEvents application/x-amz-json-1.1")),
        bus.targets().toString());
    List<Message> sweeps = receive(aws, queueUrl);
    assertEquals(1, sweeps.size());
    assertEquals("{\"version\":1,\"streamId\":\"" + streamId + "\",\"notBeforeMs\":" + DELETED_AT + "}",
        sweeps.get(0).body());
  }

  @Test
  void theSweepWaitsOutTheGraceOnTheQueue(LocalAws aws) {
    String queueUrl = queue(aws);
    DynamodbEvent deletion = RecordedStreamChanges.from(life(), 9);
    StreamsEventResponse res = handler(aws, queueUrl, 600, Instant.ofEpochMilli(DELETED_AT + 1000))
        .handleRequest(deletion, new FakeLambdaContext());

    assertEquals(List.of(), failures(res));
    assertEquals(List.of(), receive(aws, queueUrl), "hidden for the grace (599 s here)");
    var attrs = aws.clients().sqs().getQueueAttributes(b -> b.queueUrl(queueUrl)
        .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED)).attributes();
    assertEquals("1", attrs.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED));
  }

  @Test
  void aRejectedEntryFailsItsRecordAndTheRetryCompletesWithoutSkipping(LocalAws aws) throws Exception {
    String queueUrl = queue(aws);
    DynamodbEvent event = life();
    StreamChangeHandler handler = handler(aws, queueUrl, 0, Instant.ofEpochMilli(DELETED_AT + 2000));
    bus.rejectEntries(i -> i == 3);  // the 4th entry: stream.ended of A, from record 6 (the takeover)

    StreamsEventResponse res = handler.handleRequest(event, new FakeLambdaContext());
    String takeover = event.getRecords().get(6).getDynamodb().getSequenceNumber();
    assertEquals(List.of(takeover), failures(res));
    assertEquals(lifeDetails().subList(0, 3), bus.accepted().subList(0, 3).stream()
        .map(e -> e.get("Detail").asText()).toList());
    assertEquals(List.of(), receive(aws, queueUrl), "the deletion comes after the failure: not scheduled yet");

    // Lambda re-delivers from the reported record.
    bus.clear();
    bus.rejectEntries(i -> false);
    StreamsEventResponse retry = handler.handleRequest(RecordedStreamChanges.from(event, 6), new FakeLambdaContext());
    assertEquals(List.of(), failures(retry));
    assertEntries(lifeDetails().subList(3, 8), bus.accepted());
    assertEquals(1, receive(aws, queueUrl).size());
  }

  @Test
  void anOutageFailsTheFirstRecordWithEventsOnly(LocalAws aws) {
    String queueUrl = queue(aws);
    DynamodbEvent event = life();
    bus.down(true);
    StreamsEventResponse res = handler(aws, queueUrl, 0, Instant.ofEpochMilli(DELETED_AT))
        .handleRequest(event, new FakeLambdaContext());
    // Record 0 (the INSERT) has no event and is done; record 1 (go live) is where Lambda resumes.
    assertEquals(List.of(event.getRecords().get(1).getDynamodb().getSequenceNumber()), failures(res));
    assertTrue(bus.targets().size() >= 1, "the SDK did call");
    assertEquals(List.of(), receive(aws, queueUrl));
  }

  @Test
  void anUnreadableRecordIsReportedAndEarlierOnesArePublished(LocalAws aws) throws Exception {
    String queueUrl = queue(aws);
    DynamodbEvent event = life();
    // An image missing the tenant, as no writer of ours produces: the record must not be dropped.
    event.getRecords().get(3).getDynamodb().getNewImage().remove("tenantId");
    StreamsEventResponse res = handler(aws, queueUrl, 0, Instant.ofEpochMilli(DELETED_AT))
        .handleRequest(event, new FakeLambdaContext());
    assertEquals(List.of(event.getRecords().get(3).getDynamodb().getSequenceNumber()), failures(res));
    assertEntries(lifeDetails().subList(0, 1), bus.accepted());
  }

  @Test
  void eventsArePushedToTheStreamsSocketsAndGoneOnesAreForgotten(LocalAws aws) throws Exception {
    String queueUrl = queue(aws);
    SocketConnections connections = new SocketConnections(aws.clients().dynamo(), aws.names());
    String viewer = "Vw" + Long.toString(System.nanoTime(), 36) + "=";
    String left = "Lf" + Long.toString(System.nanoTime(), 36) + "=";
    connections.add(viewer, streamId, tenant, DELETED_AT);
    connections.add(left, streamId, tenant, DELETED_AT);
    connections.add("Ot" + Long.toString(System.nanoTime(), 36) + "=", StreamId.random().value(), tenant, DELETED_AT);
    try (ManagementApiRecorder sockets = new ManagementApiRecorder()) {
      sockets.gone(left);
      Map<String, String> env = new HashMap<>(aws.env());
      env.put(ChangeHandlerConfig.EVENT_BUS_NAME, BUS);
      env.put(ChangeHandlerConfig.SWEEP_QUEUE_URL, queueUrl);
      env.put(ChangeHandlerConfig.SWEEP_GRACE_S, "0");
      env.put("AWS_ENDPOINT_URL_EVENTBRIDGE", bus.endpoint().toString());
      env.put(ChangeHandlerConfig.SOCKET_ENDPOINT, sockets.endpoint().toString());
      StreamsEventResponse res = new StreamChangeHandler(env, Clock.fixed(Instant.ofEpochMilli(DELETED_AT),
          ZoneOffset.UTC)).handleRequest(life(), new FakeLambdaContext());

      assertEquals(List.of(), failures(res));
      List<ManagementApiRecorder.Post> posts = sockets.posts();
      assertEquals(lifeDetails(), posts.stream().map(ManagementApiRecorder.Post::body).toList(),
          "the viewer gets every event, in order, as EventBridge does");
      assertTrue(posts.stream().allMatch(p -> p.method().equals("POST") && p.connectionId().equals(viewer)
          && p.path().equals("/live/@connections/" + viewer.replace("=", "%3D"))), posts.toString());
      assertEquals(List.of(viewer), connections.of(streamId), "the gone connection is removed");
    }
  }

  /** The same handler on changes recorded from the API's and ingest's real writes to the local table. */
  @Test
  void changesRecordedFromRealWritesBecomeEvents(LocalAws aws) throws Exception {
    String queueUrl = queue(aws);
    DynamoStreamRepository streams = new DynamoStreamRepository(aws.clients().dynamo(), aws.names());
    StreamId id = new StreamId(streamId);
    ItemChangeRecorder rec = new ItemChangeRecorder(aws.clients().dynamo(), aws.names().streamsTable(),
        Map.of(StreamsTable.STREAM_ID, AttributeValue.fromS(streamId)));
    long t = System.currentTimeMillis();
    rec.write(() -> streams.create(StreamRecord.created(id, tenant,
        new StreamSettings("recorded", 2000, "default", false, 60, false), t)));
    rec.write(() -> IngestRows.goLive(aws, streamId, A, "key-1", t + 1000));
    rec.write(() -> streams.endLiveSession(id, A, t + 5000));      // key revoked with endSession=true
    rec.write(() -> IngestRows.goLive(aws, streamId, B, "key-2", t + 9000));
    rec.write(() -> streams.markDeleted(tenant, id, t + 12_000));  // DELETE /streams/{id} while live
    rec.write(() -> streams.purge(id));                             // the sweep's last step

    StreamsEventResponse res = handler(aws, queueUrl, 0, Instant.ofEpochMilli(t + 13_000))
        .handleRequest(rec.event(), new FakeLambdaContext());
    assertEquals(List.of(), failures(res));
    List<String> got = new java.util.ArrayList<>();
    for (JsonNode e : bus.accepted()) {
      got.add(e.get("DetailType").asText() + " " + JSON.readTree(e.get("Detail").asText()).get("sessionId").asText());
    }
    assertEquals(List.of("stream.started " + A, "stream.health " + A, "stream.ended " + A,
        "stream.started " + B, "stream.health " + B, "stream.ended " + B), got);
    JsonNode health = JSON.readTree(bus.accepted().get(1).get("Detail").asText()).get("health");
    assertEquals(4500, health.get("bitrateKbps").asInt());
    assertEquals("avc1.640028", health.get("videoCodec").asText());
    List<Message> sweeps = receive(aws, queueUrl);
    assertEquals(1, sweeps.size());
    assertTrue(sweeps.get(0).body().contains("\"notBeforeMs\":" + (t + 12_000)), sweeps.get(0).body());
  }

  @Test
  void configurationErrorsNameTheVariable() {
    Map<String, String> env = new HashMap<>(Map.of(ChangeHandlerConfig.SWEEP_QUEUE_URL, "http://127.0.0.1:1/q"));
    var missing = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> ChangeHandlerConfig.fromEnv(env));
    assertTrue(missing.getMessage().startsWith("TRIBUTARY_EVENT_BUS_NAME=null"), missing.getMessage());
    env.put(ChangeHandlerConfig.EVENT_BUS_NAME, BUS);
    env.put(ChangeHandlerConfig.HEALTH_INTERVAL_S, "ten");
    var bad = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> ChangeHandlerConfig.fromEnv(env));
    assertEquals("TRIBUTARY_HEALTH_EVENT_INTERVAL_S=ten is not an integer", bad.getMessage());
  }
}
