package io.tributary.core.resources;

import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The write that marks a session record ENDED, shared by the two writers that end sessions:
 * ingest (unpublish, disconnect, drain) and the API's lease reaper (a crashed ingest task). Callers
 * add their own condition; attribute placeholders here are {@code #st #ea #er #lq #exp} and
 * {@code :ended :at :reason :lq :exp}.
 *
 * @param lastSeq the session's last seq, empty when it produced no chunk
 * @param recording a recorded session is kept; any other expires {@link #UNRECORDED_RETENTION_S}
 *     after its end (DynamoDB TTL on {@link SessionsTable#EXPIRES_AT})
 */
public record SessionEnd(String streamId, String sessionId, long endedAtMs, String reason, OptionalLong lastSeq,
                         boolean recording) {
  public static final String LIVE = "LIVE";
  public static final String ENDED = "ENDED";
  /** 30 days: VOD of an unrecorded session stays reachable a while, then the record goes. */
  public static final long UNRECORDED_RETENTION_S = 30L * 24 * 3600;

  public Map<String, AttributeValue> key() {
    return Map.of(SessionsTable.STREAM_ID, AttributeValue.fromS(streamId), SessionsTable.SESSION_ID,
        AttributeValue.fromS(sessionId));
  }

  public String updateExpression() {
    return "SET #st = :ended, #ea = :at, #er = :reason" + (lastSeq.isPresent() ? ", #lq = :lq" : "")
        + (recording ? "" : ", #exp = :exp");
  }

  /** Mutable, so a caller can add its condition's names. */
  public Map<String, String> names() {
    Map<String, String> names = new HashMap<>(Map.of("#st", SessionsTable.STATE, "#ea", SessionsTable.ENDED_AT,
        "#er", SessionsTable.END_REASON));
    if (lastSeq.isPresent()) {
      names.put("#lq", SessionsTable.LAST_SEQ);
    }
    if (!recording) {
      names.put("#exp", SessionsTable.EXPIRES_AT);
    }
    return names;
  }

  /** Mutable, so a caller can add its condition's values. */
  public Map<String, AttributeValue> values() {
    Map<String, AttributeValue> values = new HashMap<>(Map.of(":ended", AttributeValue.fromS(ENDED),
        ":at", AttributeValue.fromN(Long.toString(endedAtMs)), ":reason", AttributeValue.fromS(reason)));
    lastSeq.ifPresent(seq -> values.put(":lq", AttributeValue.fromN(Long.toString(seq))));
    if (!recording) {
      values.put(":exp", AttributeValue.fromN(Long.toString(endedAtMs / 1000 + UNRECORDED_RETENTION_S)));
    }
    return values;
  }
}
