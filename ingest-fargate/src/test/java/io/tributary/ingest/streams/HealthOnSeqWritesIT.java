package io.tributary.ingest.streams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.core.id.SessionId;
import io.tributary.core.resources.MetricsTable;
import io.tributary.core.resources.StreamsTable;
import io.tributary.ingest.flv.HealthSample;
import io.tributary.ingest.testing.TestStreams;
import io.tributary.local.aws.LocalAws;
import io.tributary.local.aws.LocalAwsExtension;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Health without calls of its own: the latest sample rides on the seq write, history goes 25 per batch. */
@ExtendWith(LocalAwsExtension.class)
class HealthOnSeqWritesIT {
  private static HealthSample sample(long at, int kbps) {
    return new HealthSample(at, kbps, 30, 1280, 720, "avc", "aac", 2000, 5, List.of());
  }

  @Test
  void theLatestSampleRidesOnTheNextSeqWriteOrIsHandedBack(LocalAws aws) {
    StreamRepository repo = new StreamRepository(aws.clients().dynamo(), aws.names());
    TestStreams.Created s = TestStreams.create(aws, 2000, "default", false);
    StreamConfig c = repo.findByKey(s.key()).orElseThrow();
    long now = System.currentTimeMillis();
    SessionId session = SessionId.startingAt(Instant.ofEpochMilli(now));
    repo.acquireLease(s.streamId(), session, "task-a", now, 30_000).orElseThrow();
    DynamoSessionLedger ledger = new DynamoSessionLedger(repo, c, session, new LeaseWatch(30_000, now));

    assertFalse(ledger.offerHealth(sample(now, 2500)), "nothing was waiting");
    assertEquals(0, ledger.nextSeq());
    Map<String, AttributeValue> item = TestStreams.streamItem(aws, s.streamId());
    assertEquals("2500", item.get(StreamsTable.HEALTH).m().get(MetricsTable.BITRATE_KBPS).n(), "carried by the seq write");
    assertEquals(Long.toString(now), item.get(StreamsTable.HEALTH_AT).n());

    assertEquals(1, ledger.nextSeq(), "a seq write without a waiting sample");
    assertEquals("2500", TestStreams.streamItem(aws, s.streamId()).get(StreamsTable.HEALTH).m()
        .get(MetricsTable.BITRATE_KBPS).n(), "left as it was");

    HealthSample late = sample(now + 5000, 2600);
    HealthSample later = sample(now + 10_000, 2700);
    assertFalse(ledger.offerHealth(late));
    assertTrue(ledger.offerHealth(later), "no chunk took the previous sample: the caller writes this one");
    assertTrue(ledger.takeHealth(later));
    assertFalse(ledger.takeHealth(later), "taken once");
    assertEquals(2, ledger.nextSeq());
    assertEquals("2500", TestStreams.streamItem(aws, s.streamId()).get(StreamsTable.HEALTH).m()
        .get(MetricsTable.BITRATE_KBPS).n(), "a sample taken back is not written by the seq write");
  }

  @Test
  void historySamplesOfManyStreamsGoTwentyFivePerCall(LocalAws aws) throws Exception {
    StreamRepository repo = new StreamRepository(aws.clients().dynamo(), aws.names());
    TestStreams.Created s = TestStreams.create(aws, 2000, "default", false);
    SessionId session = SessionId.startingAt(Instant.now());
    long t0 = System.currentTimeMillis();
    try (HealthHistory history = new HealthHistory(repo, 300, 1000)) {
      for (int i = 0; i < 60; i++) {
        history.add(s.streamId(), session, sample(t0 + i, 1000 + i));
      }
      long deadline = System.currentTimeMillis() + 10_000;
      while (history.written() < 60 && System.currentTimeMillis() < deadline) {
        Thread.sleep(50);
      }
      assertEquals(60, history.written());
      assertEquals(3, history.calls(), "60 samples in 3 BatchWriteItem calls");
      assertEquals(0, history.dropped());
    }
    int stored = aws.clients().dynamo().query(b -> b.tableName(aws.names().metricsTable())
        .keyConditionExpression("#s = :s").expressionAttributeNames(Map.of("#s", MetricsTable.STREAM_ID))
        .expressionAttributeValues(Map.of(":s", AttributeValue.fromS(s.streamId().value())))).count();
    assertEquals(60, stored);
  }
}
