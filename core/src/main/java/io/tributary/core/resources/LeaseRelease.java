package io.tributary.core.resources;

import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The write that gives up a stream's publish lease (live session, holder task and lease end
 * removed, state ENDED), shared by ingest (its own session ending) and the API's lease reaper (a
 * crashed task's). Its condition {@link #CONDITION} holds only while {@code sessionId} still has
 * the lease; callers may add to it. Placeholders here: {@code #ls #lt #lu #st #upd} and
 * {@code :s :ended :now}.
 */
public record LeaseRelease(String streamId, String sessionId, long nowMs) {
  public static final String CONDITION = "#ls = :s";

  public Map<String, AttributeValue> key() {
    return Map.of(StreamsTable.STREAM_ID, AttributeValue.fromS(streamId));
  }

  public String updateExpression() {
    return "REMOVE #ls, #lt, #lu SET #st = :ended, #upd = :now";
  }

  /** Mutable, so a caller can add its own names. */
  public Map<String, String> names() {
    return new HashMap<>(Map.of("#ls", StreamsTable.LIVE_SESSION_ID, "#lt", StreamsTable.LIVE_TASK_ID,
        "#lu", StreamsTable.LEASE_UNTIL, "#st", StreamsTable.STATE, "#upd", StreamsTable.UPDATED_AT));
  }

  /** Mutable, so a caller can add its own values. */
  public Map<String, AttributeValue> values() {
    return new HashMap<>(Map.of(":s", AttributeValue.fromS(sessionId), ":ended", AttributeValue.fromS(SessionEnd.ENDED),
        ":now", AttributeValue.fromN(Long.toString(nowMs))));
  }
}
