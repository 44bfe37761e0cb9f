package io.tributary.transcode.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.core.id.StreamId;
import io.tributary.core.resources.SegmentsTable;
import io.tributary.local.aws.LocalAws;
import io.tributary.local.aws.LocalAwsExtension;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The session ordinal on segment records, against the local DynamoDB: in order, out of order
 * across a reconnect, after records that predate ordinals, and on GAP records.
 */
@ExtendWith(LocalAwsExtension.class)
class SegmentIndexOrdinalIT {
  private static final String A = "20251125T194640Z-aaaaaaaa";
  private static final String B = "20251125T195000Z-bbbbbbbb";
  private static final String C = "20251125T195500Z-cccccccc";

  private static Map<String, AttributeValue> item(String streamId, long seq, String session, boolean first,
                                                  String status) {
    Map<String, AttributeValue> m = new HashMap<>();
    m.put(SegmentsTable.STREAM_ID, AttributeValue.fromS(streamId));
    m.put(SegmentsTable.SEQ, AttributeValue.fromN(Long.toString(seq)));
    m.put(SegmentsTable.SESSION_ID, AttributeValue.fromS(session));
    m.put(SegmentsTable.STATUS, AttributeValue.fromS(status));
    m.put(SegmentsTable.DISCONTINUITY, AttributeValue.fromBool(first));
    m.put(SegmentsTable.LAST, AttributeValue.fromBool(false));
    return m;
  }

  private static OptionalLong stored(LocalAws aws, String streamId, long seq) {
    var r = aws.clients().dynamo().getItem(b -> b.tableName(aws.names().segmentsTable()).consistentRead(true)
        .key(Map.of(SegmentsTable.STREAM_ID, AttributeValue.fromS(streamId),
            SegmentsTable.SEQ, AttributeValue.fromN(Long.toString(seq)))));
    AttributeValue v = r.item().get(SegmentsTable.SESSION_ORDINAL);
    return v == null ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(v.n()));
  }

  @Test
  void sessionsAreNumberedInOrderAndOutOfOrder(LocalAws aws) {
    SegmentIndex index = new SegmentIndex(aws.clients().dynamo(), aws.names().segmentsTable());
    String stream = StreamId.random().value();
    // Session A: 0..2 in order. Session B: 3..6, with 4 indexed before 3 (parallel workers) and 5
    // failed for good (GAP). Session C starts at 7 while B's 6 is still in flight.
    for (long s = 0; s <= 2; s++) {
      assertTrue(index.putOk(item(stream, s, A, s == 0, "OK")));
    }
    assertTrue(index.putOk(item(stream, 4, B, false, "OK")));
    assertTrue(index.putOk(item(stream, 3, B, true, "OK")));
    assertTrue(index.putGap(item(stream, 5, B, false, "GAP")));
    assertTrue(index.putOk(item(stream, 7, C, true, "OK")));
    assertTrue(index.putOk(item(stream, 6, B, false, "OK")));
    long[] expected = {1, 1, 1, 2, 2, 2, 2, 3};
    for (int s = 0; s < expected.length; s++) {
      assertEquals(OptionalLong.of(expected[s]), stored(aws, stream, s), "ordinal of seq " + s);
    }
    // A GAP healed by a redriven job keeps its session's ordinal.
    assertTrue(index.putOk(item(stream, 5, B, false, "OK")));
    assertEquals(OptionalLong.of(2), stored(aws, stream, 5));
  }

  @Test
  void recordsWrittenBeforeOrdinalsStartTheChainAtTheNextSession(LocalAws aws) {
    SegmentIndex index = new SegmentIndex(aws.clients().dynamo(), aws.names().segmentsTable());
    String stream = StreamId.random().value();
    // seq 100 as an older transcoder wrote it: no ordinal.
    aws.clients().dynamo().putItem(b -> b.tableName(aws.names().segmentsTable())
        .item(item(stream, 100, A, true, "OK")));
    assertTrue(index.putOk(item(stream, 101, A, false, "OK")));
    assertFalse(stored(aws, stream, 101).isPresent(), "the old session stays on session records");
    assertTrue(index.putOk(item(stream, 102, B, true, "OK")));
    assertEquals(OptionalLong.of(1), stored(aws, stream, 102));
  }

  @Test
  void aBacklogDeeperThanTheLookbackLeavesNoOrdinal(LocalAws aws) {
    SegmentIndex index = new SegmentIndex(aws.clients().dynamo(), aws.names().segmentsTable());
    String stream = StreamId.random().value();
    assertTrue(index.putOk(item(stream, 0, A, true, "OK")));
    long far = SegmentIndex.LOOKBACK + 1;
    assertTrue(index.putOk(item(stream, far, A, false, "OK")));
    assertFalse(stored(aws, stream, far).isPresent(), "a guess would number the wrong session");
    assertEquals(OptionalLong.of(1), stored(aws, stream, 0));
  }
}
