package io.tributary.core.resources;

import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The write that takes a stream's publish lease for a new session: live session, holder task,
 * lease end, state LIVE, last session and update time set, {@code nextSeq} created at 0 on a
 * stream's first publish. {@link #CONDITION}: the stream exists and nobody holds the lease, or the
 * holder's lease has run out. Ingest takes leases with it; the API's lease-reaper tests take them
 * the same way, so "a new publisher gets in at once after a crash" is tested against this very
 * condition. Ask for {@code ReturnValue.ALL_NEW} to read the session's first seq from
 * {@code nextSeq}.
 */
public record LeaseAcquire(String streamId, String sessionId, String taskId, long nowMs, long leaseMs) {
  public static final String CONDITION = "attribute_exists(#id) AND (attribute_not_exists(#ls) OR #lu < :now)";

  public Map<String, AttributeValue> key() {
    return Map.of(StreamsTable.STREAM_ID, AttributeValue.fromS(streamId));
  }

  public String updateExpression() {
    return "SET #ls = :s, #lt = :t, #lu = :u, #st = :live, #last = :s, #upd = :now, #ns = if_not_exists(#ns, :zero)";
  }

  public Map<String, String> names() {
    return Map.of("#ls", StreamsTable.LIVE_SESSION_ID, "#lt", StreamsTable.LIVE_TASK_ID,
        "#lu", StreamsTable.LEASE_UNTIL, "#st", StreamsTable.STATE, "#last", StreamsTable.LAST_SESSION_ID,
        "#upd", StreamsTable.UPDATED_AT, "#ns", StreamsTable.NEXT_SEQ, "#id", StreamsTable.STREAM_ID);
  }

  public Map<String, AttributeValue> values() {
    Map<String, AttributeValue> v = new HashMap<>();
    v.put(":s", AttributeValue.fromS(sessionId));
    v.put(":t", AttributeValue.fromS(taskId));
    v.put(":u", AttributeValue.fromN(Long.toString(nowMs + leaseMs)));
    v.put(":now", AttributeValue.fromN(Long.toString(nowMs)));
    v.put(":live", AttributeValue.fromS("LIVE"));
    v.put(":zero", AttributeValue.fromN("0"));
    return v;
  }
}
