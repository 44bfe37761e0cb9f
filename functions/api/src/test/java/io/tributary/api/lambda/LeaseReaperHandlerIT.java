package io.tributary.api.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.api.IngestLeases;
import io.tributary.api.events.EventBridgeRecorder;
import io.tributary.api.reaper.HeldLease;
import io.tributary.api.reaper.InvalidTaskEventException;
import io.tributary.api.reaper.LeaseReapException;
import io.tributary.api.reaper.LeaseReaper;
import io.tributary.api.stream.DynamoStreamRepository;
import io.tributary.api.stream.StreamRecord;
import io.tributary.api.stream.StreamSettings;
import io.tributary.core.id.SessionId;
import io.tributary.core.id.StreamId;
import io.tributary.core.resources.SessionsTable;
import io.tributary.core.resources.StreamsTable;
import io.tributary.local.aws.LocalAws;
import io.tributary.local.aws.LocalAwsExtension;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The lease reaper Lambda against the local DynamoDB, driven with ECS Task State Change events
 * in the documented EventBridge shape ({@code ecs/task-state-change.json}, written after the
 * example in the ECS developer guide's "Amazon ECS task state change events", not captured from
 * a deployment). Leases and sessions are written with ingest's own expressions ({@link IngestLeases}).
 */
@ExtendWith(LocalAwsExtension.class)
class LeaseReaperHandlerIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String CLUSTER = "arn:aws:ecs:us-east-1:123456789012:cluster/tributary-Cluster-EXAMPLE";
  private static final String FAMILY = "tributaryIngestTask1A2B3C4D";
  private static final long LEASE_MS = 10_000;
  private static final long T0 = Instant.parse("2026-11-25T23:40:00Z").toEpochMilli();
  /** The reaper runs seconds after the crash: every lease it meets is still unexpired. */
  private static final long REAPED_AT = T0 + 3_000;

  private static String newTask() {
    return UUID.randomUUID().toString().replace("-", "");
  }

  private static String session(int n) {
    return SessionId.startingAt(Instant.ofEpochMilli(T0 + n * 1000L)).value();
  }

  private static LeaseReaperHandler handler(LocalAws aws, long nowMs) {
    Map<String, String> env = new HashMap<>(aws.env());
    env.put(ReaperHandlerConfig.CLUSTER_ARN, CLUSTER);
    env.put(ReaperHandlerConfig.TASK_FAMILY, FAMILY);
    return new LeaseReaperHandler(env, Clock.fixed(Instant.ofEpochMilli(nowMs), ZoneOffset.UTC));
  }

  static String event(String taskId, String lastStatus, String cluster, String family) {
    String json;
    try (InputStream in = LeaseReaperHandlerIT.class.getResourceAsStream("/ecs/task-state-change.json")) {
      json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String clusterName = cluster.substring(cluster.indexOf('/') + 1);
    return json.replace("${eventId}", UUID.randomUUID().toString())
        .replace("${taskArn}", "arn:aws:ecs:us-east-1:123456789012:task/" + clusterName + "/" + taskId)
        .replace("${taskId}", taskId)
        .replace("${clusterArn}", cluster)
        .replace("${lastStatus}", lastStatus)
        .replace("${taskDefinitionArn}", "arn:aws:ecs:us-east-1:123456789012:task-definition/" + family + ":7");
  }

  static String stopped(String taskId) {
    return event(taskId, "STOPPED", CLUSTER, FAMILY);
  }

  /** Runs the handler as the Lambda runtime does: the raw event bytes in, the response bytes out. */
  private static String invoke(LeaseReaperHandler h, String event) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      h.handleRequest(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), out, new FakeLambdaContext());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  /** A stream the API created, live under {@code task} with {@code chunks} seqs taken; returns its id. */
  private static String live(LocalAws aws, String task, String session, boolean recording, int chunks) {
    StreamId id = StreamId.random();
    new DynamoStreamRepository(aws.clients().dynamo(), aws.names()).create(StreamRecord.created(id, "reaper",
        new StreamSettings("reaper", 2000, "default", false, 60, recording), T0 - 60_000));
    long first = IngestLeases.acquire(aws, id.value(), session, task, T0, LEASE_MS);
    assertEquals(0, first);
    IngestLeases.sessionStarted(aws, id.value(), session, task, T0, first, recording);
    for (int i = 0; i < chunks; i++) {
      IngestLeases.nextSeq(aws, id.value(), session);
    }
    return id.value();
  }

  private static Map<String, AttributeValue> streamItem(LocalAws aws, String streamId) {
    return aws.clients().dynamo().getItem(b -> b.tableName(aws.names().streamsTable())
        .key(Map.of(StreamsTable.STREAM_ID, AttributeValue.fromS(streamId))).consistentRead(true)).item();
  }

  private static Map<String, AttributeValue> sessionItem(LocalAws aws, String streamId, String sessionId) {
    return aws.clients().dynamo().getItem(b -> b.tableName(aws.names().sessionsTable())
        .key(Map.of(SessionsTable.STREAM_ID, AttributeValue.fromS(streamId), SessionsTable.SESSION_ID,
            AttributeValue.fromS(sessionId))).consistentRead(true)).item();
  }

  private static void assertReleased(Map<String, AttributeValue> stream) {
    assertFalse(stream.containsKey(StreamsTable.LIVE_SESSION_ID), stream.toString());
    assertFalse(stream.containsKey(StreamsTable.LIVE_TASK_ID), stream.toString());
    assertFalse(stream.containsKey(StreamsTable.LEASE_UNTIL), stream.toString());
    assertEquals("ENDED", stream.get(StreamsTable.STATE).s());
    assertEquals(Long.toString(REAPED_AT), stream.get(StreamsTable.UPDATED_AT).n());
  }

  private static void assertHeld(Map<String, AttributeValue> stream, String task, String session) {
    assertEquals("LIVE", stream.get(StreamsTable.STATE).s());
    assertEquals(task, stream.get(StreamsTable.LIVE_TASK_ID).s());
    assertEquals(session, stream.get(StreamsTable.LIVE_SESSION_ID).s());
  }

  @Test
  void theStoppedTasksStreamsAreReleasedAndTheirSessionsEnded(LocalAws aws) {
    String task = newTask();
    String other = newTask();
    String s1 = session(1);
    String s2 = session(2);
    String s3 = session(3);
    String taped = live(aws, task, s1, true, 3);
    String silent = live(aws, task, s2, false, 0);
    String elsewhere = live(aws, other, s3, false, 2);

    String out = invoke(handler(aws, REAPED_AT), stopped(task));
    assertEquals("{\"outcome\":\"released 2 of 2\"}", out);

    assertReleased(streamItem(aws, taped));
    assertReleased(streamItem(aws, silent));
    assertEquals("3", streamItem(aws, taped).get(StreamsTable.NEXT_SEQ).n(), "seq numbering continues");
    Map<String, AttributeValue> a = sessionItem(aws, taped, s1);
    assertEquals("ENDED", a.get(SessionsTable.STATE).s());
    assertEquals(LeaseReaper.END_REASON, a.get(SessionsTable.END_REASON).s());
    assertEquals(Long.toString(REAPED_AT), a.get(SessionsTable.ENDED_AT).n());
    assertEquals("2", a.get(SessionsTable.LAST_SEQ).n(), "seqs 0, 1, 2 were taken by this session");
    assertNull(a.get(SessionsTable.EXPIRES_AT), "a recording keeps its session");
    Map<String, AttributeValue> b = sessionItem(aws, silent, s2);
    assertEquals("ENDED", b.get(SessionsTable.STATE).s());
    assertEquals(LeaseReaper.END_REASON, b.get(SessionsTable.END_REASON).s());
    assertNull(b.get(SessionsTable.LAST_SEQ), "no chunk, no lastSeq, as ingest writes it");
    assertEquals(Long.toString(REAPED_AT / 1000 + 30 * 24 * 3600), b.get(SessionsTable.EXPIRES_AT).n());

    assertHeld(streamItem(aws, elsewhere), other, s3);
    assertEquals("LIVE", sessionItem(aws, elsewhere, s3).get(SessionsTable.STATE).s());
  }

  @Test
  void theReleaseReachesTheChangeStreamAsStreamEnded(LocalAws aws) throws Exception {
    String task = newTask();
    String s = session(4);
    String id = live(aws, task, s, false, 1);
    ItemChangeRecorder changes = new ItemChangeRecorder(aws.clients().dynamo(), aws.names().streamsTable(),
        Map.of(StreamsTable.STREAM_ID, AttributeValue.fromS(id)));
    changes.write(() -> invoke(handler(aws, REAPED_AT), stopped(task)));

    try (EventBridgeRecorder bus = new EventBridgeRecorder()) {
      Map<String, String> env = new HashMap<>(aws.env());
      env.put(ChangeHandlerConfig.EVENT_BUS_NAME, "tributary-events");
      env.put(ChangeHandlerConfig.SWEEP_QUEUE_URL, aws.queueUrl());
      env.put("AWS_ENDPOINT_URL_EVENTBRIDGE", bus.endpoint().toString());
      var res = new StreamChangeHandler(env).handleRequest(changes.event(), new FakeLambdaContext());
      assertEquals(List.of(), res.getBatchItemFailures());
      List<String> got = new ArrayList<>();
      for (JsonNode e : bus.accepted()) {
        JsonNode detail = JSON.readTree(e.get("Detail").asText());
        got.add(e.get("DetailType").asText() + " " + detail.get("streamId").asText() + " "
            + detail.get("sessionId").asText());
      }
      assertEquals(List.of("stream.ended " + id + " " + s), got);
    }
  }

  @Test
  void aStreamAnotherTaskTookOverIsUntouched(LocalAws aws) {
    String crashed = newTask();
    String successor = newTask();
    String old = session(5);
    String fresh = session(6);
    String id = live(aws, crashed, old, false, 2);
    // As the index showed it before the takeover.
    HeldLease stale = new LeaseReaper(aws.clients().dynamo(), aws.names()).heldBy(crashed).get(0);
    assertEquals(new HeldLease(new StreamId(id), old, crashed, OptionalLong.of(1), false), stale);
    // The crashed task's lease ran out and a reconnect took the stream on another task.
    long takeover = T0 + LEASE_MS + 1;
    assertEquals(2, IngestLeases.acquire(aws, id, fresh, successor, takeover, LEASE_MS));
    IngestLeases.sessionStarted(aws, id, fresh, successor, takeover, 2, false);

    assertEquals("{\"outcome\":\"released 0 of 0\"}", invoke(handler(aws, takeover + 500), stopped(crashed)));
    assertHeld(streamItem(aws, id), successor, fresh);
    assertEquals("LIVE", sessionItem(aws, id, fresh).get(SessionsTable.STATE).s());

    // Even a lease read before the takeover (the index is eventually consistent) cannot release it:
    // the write is conditional on the lease still being the crashed task's.
    LeaseReaper reaper = new LeaseReaper(aws.clients().dynamo(), aws.names());
    assertFalse(reaper.release(stale, takeover + 500));
    assertHeld(streamItem(aws, id), successor, fresh);
  }

  @Test
  void runningTasksOtherClustersOtherFamiliesAndOtherEventsAreIgnored(LocalAws aws) {
    String task = newTask();
    String s = session(7);
    String id = live(aws, task, s, false, 1);
    LeaseReaperHandler h = handler(aws, REAPED_AT);
    String ignored = "{\"outcome\":\"ignored\"}";
    assertEquals(ignored, invoke(h, event(task, "RUNNING", CLUSTER, FAMILY)));
    assertEquals(ignored, invoke(h, event(task, "DEPROVISIONING", CLUSTER, FAMILY)));
    assertEquals(ignored, invoke(h, event(task, "STOPPED",
        "arn:aws:ecs:us-east-1:123456789012:cluster/someone-elses", FAMILY)));
    assertEquals(ignored, invoke(h, event(task, "STOPPED", CLUSTER, "tributaryTranscodeTaskB5C6D7E8")));
    assertEquals(ignored, invoke(h, stopped(task).replace("\"aws.ecs\"", "\"aws.ec2\"")));
    assertEquals(ignored, invoke(h, stopped(task).replace("ECS Task State Change", "ECS Container Instance State Change")));
    assertHeld(streamItem(aws, id), task, s);
    assertEquals("LIVE", sessionItem(aws, id, s).get(SessionsTable.STATE).s());
  }

  @Test
  void aRedeliveredEventChangesNothingMore(LocalAws aws) {
    String task = newTask();
    String s = session(8);
    String id = live(aws, task, s, false, 4);
    String event = stopped(task);
    assertEquals("{\"outcome\":\"released 1 of 1\"}", invoke(handler(aws, REAPED_AT), event));
    Map<String, AttributeValue> stream = streamItem(aws, id);
    Map<String, AttributeValue> ended = sessionItem(aws, id, s);

    // EventBridge and Lambda both deliver at least once; a retry comes later.
    assertEquals("{\"outcome\":\"released 0 of 0\"}", invoke(handler(aws, REAPED_AT + 60_000), event));
    assertEquals(stream, streamItem(aws, id));
    assertEquals(ended, sessionItem(aws, id, s));
    // Still the first end, even if a stale index still listed the lease.
    HeldLease asListed = new HeldLease(new StreamId(id), s, task, OptionalLong.of(3), false);
    LeaseReaper reaper = new LeaseReaper(aws.clients().dynamo(), aws.names());
    assertFalse(reaper.endSession(asListed, REAPED_AT + 60_000));
    assertFalse(reaper.release(asListed, REAPED_AT + 60_000));
    assertEquals(ended, sessionItem(aws, id, s));
    assertEquals("3", ended.get(SessionsTable.LAST_SEQ).n());
  }

  @Test
  void aNewPublisherGetsInAtOnceAfterTheReaper(LocalAws aws) {
    String crashed = newTask();
    String successor = newTask();
    String old = session(9);
    String id = live(aws, crashed, old, false, 5);
    // Before: the crashed task's lease (until T0 + 10 s) refuses the reconnect.
    assertEquals(-1, IngestLeases.acquire(aws, id, session(10), successor, REAPED_AT, LEASE_MS));

    invoke(handler(aws, REAPED_AT), stopped(crashed));

    // After: ingest's own acquisition, at the same instant, long before the lease would have run out.
    String fresh = session(11);
    assertTrue(REAPED_AT < T0 + LEASE_MS);
    assertEquals(5, IngestLeases.acquire(aws, id, fresh, successor, REAPED_AT, LEASE_MS),
        "the new session's firstSeq continues the stream's numbering");
    assertHeld(streamItem(aws, id), successor, fresh);
  }

  @Test
  void manyLeasesAreReapedConcurrentlyAndAFailureFailsTheInvocationNamingTheStreams(LocalAws aws) {
    String task = newTask();
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      ids.add(live(aws, task, session(20 + i), false, i % 3));
    }
    assertEquals("{\"outcome\":\"released 40 of 40\"}", invoke(handler(aws, REAPED_AT), stopped(task)));
    for (String id : ids) {
      assertReleased(streamItem(aws, id));
    }

    // DynamoDB refusing the writes (here: a sessions table that does not exist) fails the
    // invocation, so Lambda retries it and then parks it on the failure queue.
    String other = newTask();
    String s = session(70);
    String id = live(aws, other, s, false, 1);
    Map<String, String> env = new HashMap<>(aws.env());
    env.put(ReaperHandlerConfig.CLUSTER_ARN, CLUSTER);
    env.put(ReaperHandlerConfig.TASK_FAMILY, FAMILY);
    env.put("TRIBUTARY_SESSIONS_TABLE", "no-such-table");
    LeaseReapException e = assertThrows(LeaseReapException.class, () -> invoke(new LeaseReaperHandler(env,
        Clock.fixed(Instant.ofEpochMilli(REAPED_AT), ZoneOffset.UTC)), stopped(other)));
    assertEquals(other, e.taskId());
    assertEquals(List.of(id), e.streams());
    assertHeld(streamItem(aws, id), other, s);
    // The retry, with DynamoDB answering again, does it all.
    assertEquals("{\"outcome\":\"released 1 of 1\"}", invoke(handler(aws, REAPED_AT), stopped(other)));
    assertReleased(streamItem(aws, id));
  }

  @Test
  void anEcsEventWithoutATaskFailsTheInvocationNamingIt(LocalAws aws) {
    LeaseReaperHandler h = handler(aws, REAPED_AT);
    String noTask = stopped(newTask()).replaceAll("\"taskArn\": \"[^\"]*\",\n    \"taskDefinitionArn\"",
        "\"taskDefinitionArn\"");
    InvalidTaskEventException e = assertThrows(InvalidTaskEventException.class, () -> invoke(h, noTask));
    assertTrue(e.getMessage().startsWith("ECS task state change without detail.taskArn: "), e.getMessage());
    assertThrows(InvalidTaskEventException.class, () -> invoke(h, "{not json"));
  }
}
