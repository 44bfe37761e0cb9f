package io.tributary.ingest.streams;

import io.tributary.core.id.SessionId;
import io.tributary.core.id.StreamId;
import io.tributary.core.keys.StreamKeys;
import io.tributary.core.media.Ladder;
import io.tributary.core.resources.KeysTable;
import io.tributary.core.resources.LeaseAcquire;
import io.tributary.core.resources.LeaseRelease;
import io.tributary.core.resources.MetricsTable;
import io.tributary.core.resources.ResourceNames;
import io.tributary.core.resources.SessionEnd;
import io.tributary.core.resources.SessionsTable;
import io.tributary.core.resources.StreamsTable;
import io.tributary.ingest.flv.HealthSample;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Ingest's reads and writes in DynamoDB. Every multi-writer invariant is a conditional write on
 * one item (no transactions: the local emulator has none, see core {@code Schema}):
 * <ul>
 *   <li>the publish lease on the stream item: taken only if absent or expired, renewed and
 *       released only by its holder;</li>
 *   <li>{@code seq}: an atomic {@code ADD nextSeq 1}, conditional on still holding the lease, so
 *       numbering continues across sessions and tasks and never interleaves two publishers.</li>
 * </ul>
 */
public final class StreamRepository {
  /** Health samples are kept a week in the metrics table. */
  static final long METRICS_TTL_S = 7 * 24 * 3600;
  /** Sessions of streams that do not record expire after 30 days. */

  private final DynamoDbClient dynamo;
  private final ResourceNames names;

  public StreamRepository(DynamoDbClient dynamo, ResourceNames names) {
    this.dynamo = dynamo;
    this.names = names;
  }

  /**
   * The stream a presented key publishes to, if the key exists, is not revoked and its stream
   * exists and is not deleted. The item is found by hash; the stored hash is still compared in
   * constant time, as the ARCHITECTURE contract requires.
   */
  public Optional<StreamConfig> findByKey(String presentedKey) {
    String hash = StreamKeys.hash(presentedKey);
    Map<String, AttributeValue> key = get(names.keysTable(), Map.of(KeysTable.KEY_HASH, s(hash)));
    if (key == null || key.containsKey(KeysTable.REVOKED_AT)
        || !StreamKeys.matches(presentedKey, key.get(KeysTable.KEY_HASH).s())) {
      return Optional.empty();
    }
    String streamId = str(key, KeysTable.STREAM_ID);
    if (!StreamId.isValid(streamId)) {
      return Optional.empty();
    }
    Map<String, AttributeValue> stream = get(names.streamsTable(), Map.of(StreamsTable.STREAM_ID, s(streamId)));
    if (stream == null || stream.containsKey(StreamsTable.DELETED_AT)) {
      return Optional.empty();
    }
    int segment = (int) num(stream, StreamsTable.SEGMENT_DURATION_MS, StreamConfig.DEFAULT_SEGMENT_MS);
    if (segment < 1000 || segment > 6000) {
      segment = StreamConfig.DEFAULT_SEGMENT_MS;
    }
    String ladder = str(stream, StreamsTable.LADDER);
    if (ladder == null || !Ladder.presetNames().contains(ladder)) {
      ladder = Ladder.DEFAULT_PRESET;
    }
    boolean recording = stream.containsKey(StreamsTable.RECORDING) && Boolean.TRUE.equals(
        stream.get(StreamsTable.RECORDING).bool());
    String keyId = Optional.ofNullable(str(key, KeysTable.KEY_ID)).orElse("unknown");
    return Optional.of(new StreamConfig(new StreamId(streamId), keyId, hash, segment, ladder, recording));
  }

  /**
   * Takes the publish lease if nobody holds it or the holder's lease has expired.
   *
   * @return the stream's next seq (the session's firstSeq), or empty if another live session holds the lease
   */
  public Optional<Long> acquireLease(StreamId stream, SessionId session, String taskId, long nowMs, long leaseMs) {
    LeaseAcquire acquire = new LeaseAcquire(stream.value(), session.value(), taskId, nowMs, leaseMs);
    try {
      UpdateItemResponse r = dynamo.updateItem(b -> b.tableName(names.streamsTable()).key(acquire.key())
          .updateExpression(acquire.updateExpression())
          .conditionExpression(LeaseAcquire.CONDITION)
          .expressionAttributeNames(acquire.names())
          .expressionAttributeValues(acquire.values())
          .returnValues(ReturnValue.ALL_NEW));
      return Optional.of(num(r.attributes(), StreamsTable.NEXT_SEQ, 0));
    } catch (ConditionalCheckFailedException e) {
      return Optional.empty();
    } catch (SdkException e) {
      throw new StreamStoreException("cannot take the lease of " + stream + ": " + e.getMessage(), e);
    }
  }

  /** Who holds the lease now (task id, lease end), for the decision to wait for a local session to finish. */
  public Optional<Map.Entry<String, Long>> leaseHolder(StreamId stream) {
    Map<String, AttributeValue> item = get(names.streamsTable(), Map.of(StreamsTable.STREAM_ID, s(stream.value())));
    if (item == null || !item.containsKey(StreamsTable.LIVE_SESSION_ID)) {
      return Optional.empty();
    }
    return Optional.of(Map.entry(String.valueOf(str(item, StreamsTable.LIVE_TASK_ID)),
        num(item, StreamsTable.LEASE_UNTIL, 0)));
  }

  /** Extends the lease; {@link LeaseLostException} if another session took it. */
  public void renewLease(StreamId stream, SessionId session, long untilMs) {
    try {
      dynamo.updateItem(b -> b.tableName(names.streamsTable())
          .key(Map.of(StreamsTable.STREAM_ID, s(stream.value())))
          .updateExpression("SET #lu = :u")
          .conditionExpression("#ls = :s")
          .expressionAttributeNames(Map.of("#lu", StreamsTable.LEASE_UNTIL, "#ls", StreamsTable.LIVE_SESSION_ID))
          .expressionAttributeValues(Map.of(":u", n(untilMs), ":s", s(session.value()))));
    } catch (ConditionalCheckFailedException e) {
      throw new LeaseLostException(stream.value(), session.value());
    } catch (SdkException e) {
      throw new StreamStoreException("cannot renew the lease of " + stream + ": " + e.getMessage(), e);
    }
  }

  /**
   * The next stream-wide seq for a chunk of this session (atomic ADD, only while holding the
   * lease), extending the lease to {@code leaseUntilMs} in the same write, and setting the
   * stream's latest health when {@code health} is not null: the sample rides on the write a chunk
   * makes anyway instead of costing a call of its own (one chunk every few seconds per stream,
   * hundreds of streams per task).
   */
  public long nextSeq(StreamId stream, SessionId session, long leaseUntilMs, HealthSample health) {
    Map<String, String> attrs = new HashMap<>(Map.of("#ns", StreamsTable.NEXT_SEQ, "#ls", StreamsTable.LIVE_SESSION_ID,
        "#lu", StreamsTable.LEASE_UNTIL));
    Map<String, AttributeValue> values = new HashMap<>(Map.of(":one", n(1), ":s", s(session.value()),
        ":u", n(leaseUntilMs)));
    String update = "ADD #ns :one SET #lu = :u";
    if (health != null) {
      update += ", #h = :h, #ha = :at";
      attrs.put("#h", StreamsTable.HEALTH);
      attrs.put("#ha", StreamsTable.HEALTH_AT);
      values.put(":h", AttributeValue.fromM(healthAttributes(session, health)));
      values.put(":at", n(health.atMs()));
    }
    String expr = update;
    try {
      UpdateItemResponse r = dynamo.updateItem(b -> b.tableName(names.streamsTable())
          .key(Map.of(StreamsTable.STREAM_ID, s(stream.value())))
          .updateExpression(expr)
          .conditionExpression("#ls = :s")
          .expressionAttributeNames(attrs)
          .expressionAttributeValues(values)
          .returnValues(ReturnValue.UPDATED_NEW));
      return num(r.attributes(), StreamsTable.NEXT_SEQ, 1) - 1;
    } catch (ConditionalCheckFailedException e) {
      throw new LeaseLostException(stream.value(), session.value());
    } catch (SdkException e) {
      throw new StreamStoreException("cannot take a seq for " + stream + ": " + e.getMessage(), e);
    }
  }

  /** Releases the lease if still ours, marking the stream ENDED. A lost lease is not an error here. */
  public void releaseLease(StreamId stream, SessionId session, long nowMs) {
    releaseLease(stream, session, nowMs, -1);
  }

  /**
   * As {@link #releaseLease(StreamId, SessionId, long)}, also giving back {@code unusedSeq} (a seq
   * this session took for a chunk that never closed) when it is still the last one taken, so the
   * next session starts at it and the numbering has no hole.
   */
  public void releaseLease(StreamId stream, SessionId session, long nowMs, long unusedSeq) {
    LeaseRelease release = new LeaseRelease(stream.value(), session.value(), nowMs);
    Map<String, String> attrs = release.names();
    Map<String, AttributeValue> values = release.values();
    String update = release.updateExpression();
    String condition = LeaseRelease.CONDITION;
    if (unusedSeq >= 0) {
      update += ", #ns = :unused";
      condition += " AND #ns = :after";
      attrs.put("#ns", StreamsTable.NEXT_SEQ);
      values.put(":unused", n(unusedSeq));
      values.put(":after", n(unusedSeq + 1));
    }
    String u = update;
    String c = condition;
    try {
      dynamo.updateItem(b -> b.tableName(names.streamsTable()).key(release.key())
          .updateExpression(u)
          .conditionExpression(c)
          .expressionAttributeNames(attrs)
          .expressionAttributeValues(values));
    } catch (ConditionalCheckFailedException e) {
      if (unusedSeq >= 0) {
        // Someone took a seq after ours (or the lease is gone): keep the hole, still release.
        releaseLease(stream, session, nowMs, -1);
      }
      // Otherwise someone else holds it now: nothing of ours to release.
    } catch (SdkException e) {
      throw new StreamStoreException("cannot release the lease of " + stream + ": " + e.getMessage(), e);
    }
  }

  /** The LIVE session record. */
  public void sessionStarted(StreamConfig config, SessionId session, String taskId, long startedAtMs, long firstSeq) {
    Map<String, AttributeValue> item = new HashMap<>();
    item.put(SessionsTable.STREAM_ID, s(config.streamId().value()));
    item.put(SessionsTable.SESSION_ID, s(session.value()));
    item.put(SessionsTable.STATE, s("LIVE"));
    item.put(SessionsTable.STARTED_AT, n(startedAtMs));
    item.put(SessionsTable.TASK_ID, s(taskId));
    item.put(SessionsTable.KEY_ID, s(config.keyId()));
    item.put(SessionsTable.FIRST_SEQ, n(firstSeq));
    if (config.recording()) {
      item.put(SessionsTable.RECORDING, s("TRUE"));
    }
    put(names.sessionsTable(), item, "session " + session);
    try {
      dynamo.updateItem(b -> b.tableName(names.keysTable())
          .key(Map.of(KeysTable.KEY_HASH, s(config.keyHash())))
          .updateExpression("SET #lu = :now")
          .conditionExpression("attribute_exists(#kh)")
          .expressionAttributeNames(Map.of("#lu", KeysTable.LAST_USED_AT, "#kh", KeysTable.KEY_HASH))
          .expressionAttributeValues(Map.of(":now", n(startedAtMs))));
    } catch (ConditionalCheckFailedException e) {
      // The key was deleted since: the lease already admitted this session.
    } catch (SdkException e) {
      throw new StreamStoreException("cannot mark key " + config.keyId() + " used: " + e.getMessage(), e);
    }
  }

  /** The ENDED session record; {@code lastSeq} negative when the session produced no chunk. */
  public void sessionEnded(StreamConfig config, SessionId session, long endedAtMs, String reason, long lastSeq) {
    SessionEnd end = new SessionEnd(config.streamId().value(), session.value(), endedAtMs, reason,
        lastSeq >= 0 ? OptionalLong.of(lastSeq) : OptionalLong.empty(), config.recording());
    try {
      dynamo.updateItem(b -> b.tableName(names.sessionsTable()).key(end.key())
          .updateExpression(end.updateExpression())
          .expressionAttributeNames(end.names())
          .expressionAttributeValues(end.values()));
    } catch (SdkException e) {
      throw new StreamStoreException("cannot end session " + session + ": " + e.getMessage(), e);
    }
  }

  /**
   * Latest health on the stream item (for the API's stream view), extending the lease to
   * {@code leaseUntilMs}; used when no chunk write carried the sample. The history sample goes
   * through {@link #writeHealthHistory}.
   */
  public void writeHealth(StreamId stream, SessionId session, HealthSample h, long leaseUntilMs) {
    try {
      dynamo.updateItem(b -> b.tableName(names.streamsTable())
          .key(Map.of(StreamsTable.STREAM_ID, s(stream.value())))
          .updateExpression("SET #h = :h, #ha = :at, #lu = :u")
          .conditionExpression("#ls = :s")
          .expressionAttributeNames(Map.of("#h", StreamsTable.HEALTH, "#ha", StreamsTable.HEALTH_AT,
              "#ls", StreamsTable.LIVE_SESSION_ID, "#lu", StreamsTable.LEASE_UNTIL))
          .expressionAttributeValues(Map.of(":h", AttributeValue.fromM(healthAttributes(session, h)), ":at", n(h.atMs()),
              ":s", s(session.value()), ":u", n(leaseUntilMs))));
    } catch (ConditionalCheckFailedException e) {
      throw new LeaseLostException(stream.value(), session.value());
    } catch (SdkException e) {
      throw new StreamStoreException("cannot write health of " + stream + ": " + e.getMessage(), e);
    }
  }

  /** The metrics-table item of one health sample (history for the API's graphs, expiring by TTL). */
  public static Map<String, AttributeValue> healthHistoryItem(StreamId stream, SessionId session, HealthSample h) {
    Map<String, AttributeValue> sample = healthAttributes(session, h);
    sample.put(MetricsTable.STREAM_ID, s(stream.value()));
    sample.put(MetricsTable.TS, n(h.atMs()));
    sample.put(MetricsTable.EXPIRES_AT, n(h.atMs() / 1000 + METRICS_TTL_S));
    return sample;
  }

  /**
   * Writes up to 25 history items in one BatchWriteItem (the API's limit); returns the items
   * DynamoDB did not process (throttling), for the caller to send again.
   */
  public List<Map<String, AttributeValue>> writeHealthHistory(List<Map<String, AttributeValue>> items) {
    if (items.isEmpty()) {
      return List.of();
    }
    if (items.size() > 25) {
      throw new IllegalArgumentException("BatchWriteItem takes at most 25 items, got " + items.size());
    }
    List<WriteRequest> writes = items.stream()
        .map(i -> WriteRequest.builder().putRequest(PutRequest.builder().item(i).build()).build()).toList();
    try {
      BatchWriteItemResponse r = dynamo.batchWriteItem(b -> b.requestItems(Map.of(names.metricsTable(), writes)));
      List<WriteRequest> left = r.hasUnprocessedItems() ? r.unprocessedItems().getOrDefault(names.metricsTable(),
          List.of()) : List.of();
      return left.stream().map(w -> w.putRequest().item()).toList();
    } catch (SdkException e) {
      throw new StreamStoreException("cannot write " + items.size() + " health samples: " + e.getMessage(), e);
    }
  }

  private static Map<String, AttributeValue> healthAttributes(SessionId session, HealthSample h) {
    Map<String, AttributeValue> m = new HashMap<>();
    m.put("sessionId", s(session.value()));
    m.put(MetricsTable.BITRATE_KBPS, n(h.bitrateKbps()));
    m.put(MetricsTable.FPS, AttributeValue.fromN(Double.toString(h.fps())));
    m.put(MetricsTable.WIDTH, n(h.width()));
    m.put(MetricsTable.HEIGHT, n(h.height()));
    if (h.videoCodec() != null) {
      m.put(MetricsTable.VIDEO_CODEC, s(h.videoCodec()));
    }
    if (h.audioCodec() != null) {
      m.put(MetricsTable.AUDIO_CODEC, s(h.audioCodec()));
    }
    m.put(MetricsTable.KEYFRAME_INTERVAL_MS, n(h.keyframeIntervalMs()));
    m.put(MetricsTable.AV_DRIFT_MS, n(h.avDriftMs()));
    m.put(MetricsTable.WARNINGS, AttributeValue.fromL(h.warnings().stream().map(StreamRepository::s).toList()));
    return m;
  }

  private Map<String, AttributeValue> get(String table, Map<String, AttributeValue> key) {
    try {
      GetItemResponse r = dynamo.getItem(b -> b.tableName(table).key(key).consistentRead(true));
      return r.hasItem() && !r.item().isEmpty() ? r.item() : null;
    } catch (SdkException e) {
      throw new StreamStoreException("cannot read " + table + ": " + e.getMessage(), e);
    }
  }

  private void put(String table, Map<String, AttributeValue> item, String what) {
    try {
      dynamo.putItem(b -> b.tableName(table).item(item));
    } catch (SdkException e) {
      throw new StreamStoreException("cannot write " + what + ": " + e.getMessage(), e);
    }
  }

  static AttributeValue s(String v) {
    return AttributeValue.fromS(v);
  }

  static AttributeValue n(long v) {
    return AttributeValue.fromN(Long.toString(v));
  }

  private static String str(Map<String, AttributeValue> item, String name) {
    AttributeValue v = item.get(name);
    return v == null ? null : v.s();
  }

  private static long num(Map<String, AttributeValue> item, String name, long dflt) {
    AttributeValue v = item == null ? null : item.get(name);
    if (v == null || v.n() == null) {
      return dflt;
    }
    return new java.math.BigDecimal(v.n()).longValue();
  }
}
