package io.tributary.api;

import io.tributary.core.resources.SessionsTable;
import io.tributary.core.resources.StreamsTable;
import io.tributary.local.aws.LocalAws;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * Ingest's lease writes, expression for expression (ingest-fargate {@code StreamRepository}:
 * acquireLease, nextSeq, sessionStarted), so the API's tests see the items a publishing task
 * leaves without depending on the ingest module. If ingest's acquisition condition changes, this
 * copy must follow it: the lease reaper's "a new publisher gets in at once" rests on it.
 */
public final class IngestLeases {
  /** ingest StreamRepository.acquireLease's condition. */
  public static final String ACQUIRE_CONDITION = "attribute_exists(#id) AND (attribute_not_exists(#ls) OR #lu < :now)";

  private IngestLeases() {}

  /** Takes the lease as ingest does; the stream's next seq (the session's firstSeq), or -1 when refused. */
  public static long acquire(LocalAws aws, String streamId, String sessionId, String taskId, long nowMs, long leaseMs) {
    Map<String, AttributeValue> values = new HashMap<>();
    values.put(":s", s(sessionId));
    values.put(":t", s(taskId));
    values.put(":u", n(nowMs + leaseMs));
    values.put(":now", n(nowMs));
    values.put(":live", s("LIVE"));
    values.put(":zero", n(0));
    try {
      var r = aws.clients().dynamo().updateItem(b -> b.tableName(aws.names().streamsTable())
          .key(Map.of(StreamsTable.STREAM_ID, s(streamId)))
          .updateExpression("SET #ls = :s, #lt = :t, #lu = :u, #st = :live, #last = :s, #upd = :now, "
              + "#ns = if_not_exists(#ns, :zero)")
          .conditionExpression(ACQUIRE_CONDITION)
          .expressionAttributeNames(Map.of("#ls", StreamsTable.LIVE_SESSION_ID, "#lt", StreamsTable.LIVE_TASK_ID,
              "#lu", StreamsTable.LEASE_UNTIL, "#st", StreamsTable.STATE, "#last", StreamsTable.LAST_SESSION_ID,
              "#upd", StreamsTable.UPDATED_AT, "#ns", StreamsTable.NEXT_SEQ, "#id", StreamsTable.STREAM_ID))
          .expressionAttributeValues(values)
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
