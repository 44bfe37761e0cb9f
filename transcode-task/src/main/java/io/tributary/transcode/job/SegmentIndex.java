package io.tributary.transcode.job;

import io.tributary.core.resources.SegmentsTable;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Writes the segment index, without transactions (the local emulator has none): every write is
 * a conditional put on the one item of a seq. An OK record is written only where there is none
 * or a GAP (so redriving a job from the DLQ heals its gap) and is never overwritten; a GAP only
 * where there is nothing, so a concurrent success always wins.
 *
 * <p>Every record also carries its session's ordinal ({@link SegmentsTable#SESSION_ORDINAL}),
 * taken from the nearest earlier record: the same ordinal within a session, one more across a
 * session start. Playlists number discontinuities from it (RFC 8216 6.2.2) instead of counting
 * session records, which expire by TTL. Only GetItem is used (the worker's grant). Known limit:
 * a whole session whose every chunk is still unindexed when the next session's chunks are
 * indexed shares its successor's ordinal.
 */
public final class SegmentIndex {
  private static final String NOT_EXISTS = "attribute_not_exists(#seq)";
  /**
   * Earlier seqs looked at for the nearest record: chunks transcode in parallel, so the previous
   * seq may still be in flight; a deeper backlog than this leaves the record without an ordinal.
   */
  static final int LOOKBACK = 64;

  private final DynamoDbClient dynamo;
  private final String table;

  public SegmentIndex(DynamoDbClient dynamo, String table) {
    this.dynamo = dynamo;
    this.table = table;
  }

  /** @return true if written, false if an OK record for this seq already existed */
  public boolean putOk(Map<String, AttributeValue> item) {
    try {
      dynamo.putItem(b -> b.tableName(table).item(withOrdinal(item))
          .conditionExpression(NOT_EXISTS + " OR #status = :gap")
          .expressionAttributeNames(Map.of("#seq", SegmentsTable.SEQ, "#status", SegmentsTable.STATUS))
          .expressionAttributeValues(Map.of(":gap", AttributeValue.fromS(SegmentsTable.STATUS_GAP))));
      return true;
    } catch (ConditionalCheckFailedException e) {
      return false;
    }
  }

  /** @return true if written, false if any record for this seq already existed */
  public boolean putGap(Map<String, AttributeValue> item) {
    try {
      dynamo.putItem(b -> b.tableName(table).item(withOrdinal(item)).conditionExpression(NOT_EXISTS)
          .expressionAttributeNames(Map.of("#seq", SegmentsTable.SEQ)));
      return true;
    } catch (ConditionalCheckFailedException e) {
      return false;
    }
  }

  /** True when the seq has its OK record (a GAP does not count: the job may still heal it). */
  public boolean isDone(String streamId, long seq) {
    var item = dynamo.getItem(b -> b.tableName(table).consistentRead(true).projectionExpression("#status")
        .expressionAttributeNames(Map.of("#status", SegmentsTable.STATUS))
        .key(key(streamId, seq)));
    return item.hasItem() && SegmentsTable.STATUS_OK.equals(item.item().get(SegmentsTable.STATUS).s());
  }

  private Map<String, AttributeValue> withOrdinal(Map<String, AttributeValue> item) {
    AttributeValue first = item.get(SegmentsTable.DISCONTINUITY);
    OptionalLong ordinal = ordinal(item.get(SegmentsTable.STREAM_ID).s(),
        Long.parseLong(item.get(SegmentsTable.SEQ).n()), item.get(SegmentsTable.SESSION_ID).s(),
        first != null && Boolean.TRUE.equals(first.bool()));
    if (ordinal.isEmpty()) {
      return item;
    }
    Map<String, AttributeValue> out = new HashMap<>(item);
    out.put(SegmentsTable.SESSION_ORDINAL, AttributeValue.fromN(Long.toString(ordinal.getAsLong())));
    return out;
  }

  /**
   * The session ordinal of {@code seq}: from the nearest earlier record within {@link #LOOKBACK}.
   * Empty when there is none that close, or when it predates ordinals and this seq continues its
   * session (the playlist then counts session records for windows starting there, as before); a
   * session starting after such a record starts the chain again at 1.
   */
  OptionalLong ordinal(String streamId, long seq, String sessionId, boolean sessionStart) {
    for (long s = seq - 1; s >= Math.max(0, seq - LOOKBACK); s--) {
      Map<String, AttributeValue> earlier = key(streamId, s);
      var r = dynamo.getItem(b -> b.tableName(table).key(earlier)
          .projectionExpression("#sid, #ord")
          .expressionAttributeNames(Map.of("#sid", SegmentsTable.SESSION_ID, "#ord", SegmentsTable.SESSION_ORDINAL)));
      if (!r.hasItem() || r.item().isEmpty()) {
        continue;
      }
      boolean sameSession = sessionId.equals(r.item().get(SegmentsTable.SESSION_ID).s()) && !sessionStart;
      AttributeValue previous = r.item().get(SegmentsTable.SESSION_ORDINAL);
      if (previous == null) {
        return sameSession ? OptionalLong.empty() : OptionalLong.of(1);
      }
      return OptionalLong.of(Long.parseLong(previous.n()) + (sameSession ? 0 : 1));
    }
    // Nothing earlier: the stream's first session, unless the earlier seqs are all still in flight.
    return seq < LOOKBACK ? OptionalLong.of(1) : OptionalLong.empty();
  }

  private static Map<String, AttributeValue> key(String streamId, long seq) {
    return Map.of(SegmentsTable.STREAM_ID, AttributeValue.fromS(streamId),
        SegmentsTable.SEQ, AttributeValue.fromN(Long.toString(seq)));
  }
}
