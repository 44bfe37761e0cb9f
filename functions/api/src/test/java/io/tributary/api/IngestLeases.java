package io.tributary.api;

import io.tributary.core.resources.LeaseAcquire;
import io.tributary.core.resources.SessionsTable;
import io.tributary.core.resources.StreamsTable;
import io.tributary.local.aws.LocalAws;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * The items a publishing ingest task leaves, for the API's tests without a dependency on the
 * ingest module: the lease taken with ingest's own write (core {@link LeaseAcquire}, on whose
 * condition the lease reaper's "a new publisher gets in at once" rests), a chunk's seq and the
 * LIVE session record as ingest-fargate {@code StreamRepository} writes them.
 */
public final class IngestLeases {
  private IngestLeases() {}

  /** Takes the lease with ingest's write (core {@link LeaseAcquire}); the session's first seq, or -1 when refused. */
  public static long acquire(LocalAws aws, String streamId, String sessionId, String taskId, long nowMs, long leaseMs) {
    LeaseAcquire acquire = new LeaseAcquire(streamId, sessionId, taskId, nowMs, leaseMs);
    try {
      var r = aws.clients().dynamo().updateItem(b -> b.tableName(aws.names().streamsTable()).key(acquire.key())
          .updateExpression(acquire.updateExpression())
          .conditionExpression(LeaseAcquire.CONDITION)
          .expressionAttributeNames(acquire.names())
          .expressionAttributeValues(acquire.values())
          .returnValues(ReturnValue.ALL_NEW));
      return Long.parseLong(r.attributes().get(StreamsTable.NEXT_SEQ).n());
    } catch (ConditionalCheckFailedException e) {
      return -1;
    }
  }

  /** A chunk's seq, as ingest takes it (atomic ADD while holding the lease). */
  public static long nextSeq(LocalAws aws, String streamId, String sessionId) {
    var r = aws.clients().dynamo().updateItem(b -> b.tableName(aws.names().streamsTable())
        .key(Map.of(StreamsTable.STREAM_ID, s(streamId)))
        .updateExpression("ADD #ns :one")
        .conditionExpression("#ls = :s")
        .expressionAttributeNames(Map.of("#ns", StreamsTable.NEXT_SEQ, "#ls", StreamsTable.LIVE_SESSION_ID))
        .expressionAttributeValues(Map.of(":one", n(1), ":s", s(sessionId)))
        .returnValues(ReturnValue.UPDATED_NEW));
    return Long.parseLong(r.attributes().get(StreamsTable.NEXT_SEQ).n()) - 1;
  }

  /** The LIVE session record as ingest puts it. */
  public static void sessionStarted(LocalAws aws, String streamId, String sessionId, String taskId, long startedAtMs,
                                    long firstSeq, boolean recording) {
    Map<String, AttributeValue> item = new HashMap<>();
    item.put(SessionsTable.STREAM_ID, s(streamId));
    item.put(SessionsTable.SESSION_ID, s(sessionId));
    item.put(SessionsTable.STATE, s("LIVE"));
    item.put(SessionsTable.STARTED_AT, n(startedAtMs));
    item.put(SessionsTable.TASK_ID, s(taskId));
    item.put(SessionsTable.KEY_ID, s("k-" + taskId.substring(0, 6)));
    item.put(SessionsTable.FIRST_SEQ, n(firstSeq));
    if (recording) {
      item.put(SessionsTable.RECORDING, s("TRUE"));
    }
    aws.clients().dynamo().putItem(b -> b.tableName(aws.names().sessionsTable()).item(item));
  }

  private static AttributeValue s(String v) {
    return AttributeValue.fromS(v);
  }

  private static AttributeValue n(long v) {
    return AttributeValue.fromN(Long.toString(v));
  }
}
