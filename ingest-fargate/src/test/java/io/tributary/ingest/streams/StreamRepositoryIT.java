package io.tributary.ingest.streams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.core.id.SessionId;
import io.tributary.core.keys.StreamKeys;
import io.tributary.core.resources.MetricsTable;
import io.tributary.core.resources.SessionsTable;
import io.tributary.core.resources.StreamsTable;
import io.tributary.ingest.flv.HealthSample;
import io.tributary.ingest.testing.TestStreams;
import io.tributary.local.aws.LocalAws;
import io.tributary.local.aws.LocalAwsExtension;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

@ExtendWith(LocalAwsExtension.class)
class StreamRepositoryIT {

  @Test
  void keyLookupHonoursRevocationAndStreamConfig(LocalAws aws) {
    StreamRepository repo = new StreamRepository(aws.clients().dynamo(), aws.names());
    TestStreams.Created s = TestStreams.create(aws, 4000, "low-latency", true);
    StreamConfig c = repo.findByKey(s.key()).orElseThrow();
    assertEquals(s.streamId(), c.streamId());
    assertEquals(4000, c.segmentDurationMs());
    assertEquals("low-latency", c.ladderPreset());
    assertTrue(c.recording());
    assertEquals(s.keyId(), c.keyId());
    assertEquals(Optional.empty(), repo.findByKey(StreamKeys.generate()));
    TestStreams.revoke(aws, s.key());
    assertEquals(Optional.empty(), repo.findByKey(s.key()));
  }

  @Test
  void leaseIsExclusiveUntilExpiryAndSeqContinuesAcrossSessions(LocalAws aws) {
    StreamRepository repo = new StreamRepository(aws.clients().dynamo(), aws.names());
    TestStreams.Created s = TestStreams.create(aws, 2000, "default", false);
    long now = System.currentTimeMillis();
    SessionId first = SessionId.startingAt(Instant.ofEpochMilli(now));
    assertEquals(Optional.of(0L), repo.acquireLease(s.streamId(), first, "task-a", now, 10_000));
    SessionId second = SessionId.startingAt(Instant.ofEpochMilli(now));
    assertEquals(Optional.empty(), repo.acquireLease(s.streamId(), second, "task-b", now + 5000, 10_000), "live lease");
    assertEquals("task-a", repo.leaseHolder(s.streamId()).orElseThrow().getKey());
    assertEquals(0, repo.nextSeq(s.streamId(), first, now + 10_000, null));
    assertEquals(1, repo.nextSeq(s.streamId(), first, now + 10_000, null));
    assertThrows(LeaseLostException.class, () -> repo.nextSeq(s.streamId(), second, now + 15_000, null));
    repo.renewLease(s.streamId(), first, now + 20_000);
    assertEquals(Optional.empty(), repo.acquireLease(s.streamId(), second, "task-b", now + 15_000, 10_000), "renewed");

    // The first task crashes: once its lease has expired, the reconnect gets in, on another task.
    assertEquals(Optional.of(2L), repo.acquireLease(s.streamId(), second, "task-b", now + 20_001, 10_000));
    assertThrows(LeaseLostException.class, () -> repo.renewLease(s.streamId(), first, now + 30_000));
    assertEquals(2, repo.nextSeq(s.streamId(), second, now + 30_001, null));
    repo.releaseLease(s.streamId(), first, now); // not ours any more: no effect
    assertEquals(Optional.empty(), repo.acquireLease(s.streamId(), first, "task-a", now + 20_002, 10_000));
    repo.releaseLease(s.streamId(), second, now + 21_000);
    Map<String, AttributeValue> item = TestStreams.streamItem(aws, s.streamId());
    assertFalse(item.containsKey(StreamsTable.LIVE_SESSION_ID));
    assertEquals("ENDED", item.get(StreamsTable.STATE).s());
    assertEquals("3", item.get(StreamsTable.NEXT_SEQ).n());
    SessionId third = SessionId.startingAt(Instant.ofEpochMilli(now));
    assertEquals(Optional.of(3L), repo.acquireLease(s.streamId(), third, "task-a", now + 21_001, 10_000), "released");
  }

  @Test
  void sessionRecordsAndHealth(LocalAws aws) {
    StreamRepository repo = new StreamRepository(aws.clients().dynamo(), aws.names());
    TestStreams.Created s = TestStreams.create(aws, 2000, "default", false);
    StreamConfig c = repo.findByKey(s.key()).orElseThrow();
    long now = System.currentTimeMillis();
    SessionId session = SessionId.startingAt(Instant.ofEpochMilli(now));
    repo.acquireLease(s.streamId(), session, "task-a", now, 10_000).orElseThrow();
    repo.sessionStarted(c, session, "task-a", now, 0);
    Map<String, AttributeValue> key = Map.of(SessionsTable.STREAM_ID, AttributeValue.fromS(s.streamId().value()),
        SessionsTable.SESSION_ID, AttributeValue.fromS(session.value()));
    Map<String, AttributeValue> live = aws.clients().dynamo()
        .getItem(b -> b.tableName(aws.names().sessionsTable()).key(key).consistentRead(true)).item();
    assertEquals("LIVE", live.get(SessionsTable.STATE).s());
    assertEquals("task-a", live.get(SessionsTable.TASK_ID).s());
    assertEquals(s.keyId(), live.get(SessionsTable.KEY_ID).s());
    assertEquals("0", live.get(SessionsTable.FIRST_SEQ).n());

    HealthSample health = new HealthSample(now, 2900, 30, 1280, 720, "avc", "aac", 2000, 12,
        List.of("keyframe interval too long"));
    repo.writeHealth(s.streamId(), session, health, now + 30_000);
    assertEquals(List.of(), repo.writeHealthHistory(List.of(StreamRepository.healthHistoryItem(s.streamId(), session,
        health))));
    Map<String, AttributeValue> item = TestStreams.streamItem(aws, s.streamId());
    assertEquals(Long.toString(now + 30_000), item.get(StreamsTable.LEASE_UNTIL).n(), "health extends the lease");
    assertEquals(0, repo.nextSeq(s.streamId(), session, now + 40_000, null));
    assertEquals(Long.toString(now + 40_000), TestStreams.streamItem(aws, s.streamId()).get(StreamsTable.LEASE_UNTIL).n(),
        "taking a seq extends the lease");
    assertEquals("2900", item.get(StreamsTable.HEALTH).m().get(MetricsTable.BITRATE_KBPS).n());
    assertEquals("keyframe interval too long", item.get(StreamsTable.HEALTH).m().get(MetricsTable.WARNINGS).l().get(0).s());
    var samples = aws.clients().dynamo().query(b -> b.tableName(aws.names().metricsTable())
        .keyConditionExpression("#s = :s").expressionAttributeNames(Map.of("#s", MetricsTable.STREAM_ID))
        .expressionAttributeValues(Map.of(":s", AttributeValue.fromS(s.streamId().value())))).items();
    assertEquals(1, samples.size());
    assertTrue(samples.get(0).containsKey(MetricsTable.EXPIRES_AT));

    repo.sessionEnded(c, session, now + 5000, "unpublish", 4);
    Map<String, AttributeValue> ended = aws.clients().dynamo()
        .getItem(b -> b.tableName(aws.names().sessionsTable()).key(key).consistentRead(true)).item();
    assertEquals("ENDED", ended.get(SessionsTable.STATE).s());
    assertEquals("unpublish", ended.get(SessionsTable.END_REASON).s());
    assertEquals("4", ended.get(SessionsTable.LAST_SEQ).n());
    assertTrue(ended.containsKey(SessionsTable.EXPIRES_AT), "not recording: expires");
  }
}
