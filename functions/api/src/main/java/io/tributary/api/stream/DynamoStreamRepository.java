package io.tributary.api.stream;

import io.tributary.core.id.StreamId;
import io.tributary.core.resources.ResourceNames;
import io.tributary.core.resources.StreamsTable;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * Streams in DynamoDB. Every multi-writer rule is a condition on the one item (no transactions:
 * the local emulator lacks them). Ingest owns the live attributes; updates here touch only the
 * configuration, and lease clearing is conditional on the session still holding it.
 */
@Singleton
public class DynamoStreamRepository implements StreamRepository {
  private final DynamoDbClient dynamo;
  private final String table;

  public DynamoStreamRepository(DynamoDbClient dynamo, ResourceNames names) {
    this.dynamo = dynamo;
    this.table = names.streamsTable();
  }

  @Override
  public boolean create(StreamRecord stream) {
    try {
      dynamo.putItem(b -> b.tableName(table).item(toItem(stream))
          .conditionExpression("attribute_not_exists(#id)").expressionAttributeNames(Map.of("#id", StreamsTable.STREAM_ID)));
      return true;
    } catch (ConditionalCheckFailedException e) {
      return false;
    }
  }

  @Override
  public Optional<StreamRecord> find(String tenantId, StreamId id) {
    var item = dynamo.getItem(b -> b.tableName(table).key(key(id)).consistentRead(true)).item();
    if (item == null || item.isEmpty()) {
      return Optional.empty();
    }
    StreamRecord r = fromItem(item);
    return r.tenantId().equals(tenantId) && r.deletedAt().isEmpty() ? Optional.of(r) : Optional.empty();
  }

  @Override
  public StreamPage list(String tenantId, int limit, Optional<PageCursor> after) {
    List<StreamRecord> out = new ArrayList<>();
    Map<String, AttributeValue> start = after.map(c -> Map.of(
        StreamsTable.STREAM_ID, s(c.streamId().value()), StreamsTable.TENANT_ID, s(tenantId),
        StreamsTable.CREATED_AT, n(c.createdAt()))).orElse(null);
    // Deleted streams are filtered after the read, so one Query may return fewer than asked;
    // keep reading (bounded) until the page is full or the index is exhausted.
    for (int round = 0; round < 10 && out.size() < limit; round++) {
      Map<String, AttributeValue> from = start;
      int want = limit - out.size();
      QueryResponse res = dynamo.query(b -> b.tableName(table).indexName(StreamsTable.BY_TENANT)
          .keyConditionExpression("#t = :t").filterExpression("attribute_not_exists(#d)")
          .expressionAttributeNames(Map.of("#t", StreamsTable.TENANT_ID, "#d", StreamsTable.DELETED_AT))
          .expressionAttributeValues(Map.of(":t", s(tenantId)))
          .scanIndexForward(false).limit(want).exclusiveStartKey(from));
      res.items().forEach(i -> out.add(fromItem(i)));
      start = res.hasLastEvaluatedKey() && !res.lastEvaluatedKey().isEmpty() ? res.lastEvaluatedKey() : null;
      if (start == null) {
        break;
      }
    }
    Optional<PageCursor> next = start == null || out.isEmpty() ? Optional.empty()
        : Optional.of(new PageCursor(out.get(out.size() - 1).createdAt(), out.get(out.size() - 1).id()));
    return new StreamPage(out, next);
  }

  @Override
  public Optional<StreamRecord> update(String tenantId, StreamId id, StreamSettings s, long now) {
    Map<String, String> names = new HashMap<>(Map.of("#n", StreamsTable.NAME, "#sd", StreamsTable.SEGMENT_DURATION_MS,
        "#l", StreamsTable.LADDER, "#p", StreamsTable.PRIVATE, "#dvr", StreamsTable.DVR_WINDOW_S,
        "#r", StreamsTable.RECORDING, "#u", StreamsTable.UPDATED_AT, "#t", StreamsTable.TENANT_ID,
        "#d", StreamsTable.DELETED_AT));
    Map<String, AttributeValue> values = Map.of(":n", s(s.name()), ":sd", n(s.segmentDurationMs()), ":l", s(s.ladder()),
        ":p", AttributeValue.fromBool(s.privatePlayback()), ":dvr", n(s.dvrWindowS()),
        ":r", AttributeValue.fromBool(s.recording()), ":u", n(now), ":t", s(tenantId));
    try {
      var res = dynamo.updateItem(b -> b.tableName(table).key(key(id))
          .updateExpression("SET #n = :n, #sd = :sd, #l = :l, #p = :p, #dvr = :dvr, #r = :r, #u = :u")
          .conditionExpression("#t = :t AND attribute_not_exists(#d)")
          .expressionAttributeNames(names).expressionAttributeValues(values).returnValues(ReturnValue.ALL_NEW));
      return Optional.of(fromItem(res.attributes()));
    } catch (ConditionalCheckFailedException e) {
      return Optional.empty();
    }
  }

  @Override
  public boolean markDeleted(String tenantId, StreamId id, long now) {
    try {
      dynamo.updateItem(b -> b.tableName(table).key(key(id))
          .updateExpression("SET #d = :now, #u = :now, #lease = :zero REMOVE #ls, #lt")
          .conditionExpression("#t = :t AND attribute_not_exists(#d)")
          .expressionAttributeNames(Map.of("#d", StreamsTable.DELETED_AT, "#u", StreamsTable.UPDATED_AT,
              "#lease", StreamsTable.LEASE_UNTIL, "#ls", StreamsTable.LIVE_SESSION_ID, "#lt", StreamsTable.LIVE_TASK_ID,
              "#t", StreamsTable.TENANT_ID))
          .expressionAttributeValues(Map.of(":now", n(now), ":zero", n(0), ":t", s(tenantId))));
      return true;
    } catch (ConditionalCheckFailedException e) {
      return false;
    }
  }

  @Override
  public boolean endLiveSession(StreamId id, String sessionId, long now) {
    try {
      dynamo.updateItem(b -> b.tableName(table).key(key(id))
          .updateExpression("SET #lease = :zero, #u = :now REMOVE #ls, #lt")
          .conditionExpression("#ls = :sid")
          .expressionAttributeNames(Map.of("#lease", StreamsTable.LEASE_UNTIL, "#u", StreamsTable.UPDATED_AT,
              "#ls", StreamsTable.LIVE_SESSION_ID, "#lt", StreamsTable.LIVE_TASK_ID))
          .expressionAttributeValues(Map.of(":zero", n(0), ":now", n(now), ":sid", s(sessionId))));
      return true;
    } catch (ConditionalCheckFailedException e) {
      return false;
    }
  }

  @Override
  public List<StreamRecord> scanAll(int max) {
    List<StreamRecord> out = new ArrayList<>();
    Map<String, AttributeValue> start = null;
    do {
      Map<String, AttributeValue> from = start;
      var res = dynamo.scan(b -> b.tableName(table).filterExpression("attribute_not_exists(#d)")
          .expressionAttributeNames(Map.of("#d", StreamsTable.DELETED_AT)).limit(Math.min(1000, max - out.size()))
          .exclusiveStartKey(from));
      res.items().forEach(i -> out.add(fromItem(i)));
      start = res.hasLastEvaluatedKey() && !res.lastEvaluatedKey().isEmpty() ? res.lastEvaluatedKey() : null;
    } while (start != null && out.size() < max);
    return out;
  }

  @Override
  public List<StreamRecord> scanDeleted(long deletedBefore, int max) {
    List<StreamRecord> out = new ArrayList<>();
    Map<String, AttributeValue> start = null;
    do {
      Map<String, AttributeValue> from = start;
      var res = dynamo.scan(b -> b.tableName(table).filterExpression("#d < :before")
          .expressionAttributeNames(Map.of("#d", StreamsTable.DELETED_AT))
          .expressionAttributeValues(Map.of(":before", n(deletedBefore)))
          .limit(1000).exclusiveStartKey(from));
      res.items().forEach(i -> out.add(fromItem(i)));
      start = res.hasLastEvaluatedKey() && !res.lastEvaluatedKey().isEmpty() ? res.lastEvaluatedKey() : null;
    } while (start != null && out.size() < max);
    return out.size() > max ? out.subList(0, max) : out;
  }

  @Override
  public Optional<StreamRecord> findDeleted(StreamId id) {
    var item = dynamo.getItem(b -> b.tableName(table).key(key(id)).consistentRead(true)).item();
    if (item == null || item.isEmpty() || !item.containsKey(StreamsTable.DELETED_AT)) {
      return Optional.empty();
    }
    return Optional.of(fromItem(item));
  }

  @Override
  public boolean purge(StreamId id) {
    try {
      dynamo.deleteItem(b -> b.tableName(table).key(key(id)).conditionExpression("attribute_exists(#d)")
          .expressionAttributeNames(Map.of("#d", StreamsTable.DELETED_AT)));
      return true;
    } catch (ConditionalCheckFailedException e) {
      return false;
    }
  }

  static Map<String, AttributeValue> toItem(StreamRecord r) {
    Map<String, AttributeValue> item = new HashMap<>();
    item.put(StreamsTable.STREAM_ID, s(r.id().value()));
    item.put(StreamsTable.TENANT_ID, s(r.tenantId()));
    item.put(StreamsTable.NAME, s(r.settings().name()));
    item.put(StreamsTable.SEGMENT_DURATION_MS, n(r.settings().segmentDurationMs()));
    item.put(StreamsTable.LADDER, s(r.settings().ladder()));
    item.put(StreamsTable.PRIVATE, AttributeValue.fromBool(r.settings().privatePlayback()));
    item.put(StreamsTable.DVR_WINDOW_S, n(r.settings().dvrWindowS()));
    item.put(StreamsTable.RECORDING, AttributeValue.fromBool(r.settings().recording()));
    item.put(StreamsTable.CREATED_AT, n(r.createdAt()));
    item.put(StreamsTable.UPDATED_AT, n(r.updatedAt()));
    r.state().ifPresent(v -> item.put(StreamsTable.STATE, s(v)));
    r.liveSessionId().ifPresent(v -> item.put(StreamsTable.LIVE_SESSION_ID, s(v)));
    if (r.leaseUntil() > 0) {
      item.put(StreamsTable.LEASE_UNTIL, n(r.leaseUntil()));
    }
    r.lastSessionId().ifPresent(v -> item.put(StreamsTable.LAST_SESSION_ID, s(v)));
    r.deletedAt().ifPresent(v -> item.put(StreamsTable.DELETED_AT, n(v)));
    return item;
  }

  /** The one item → record mapping, also for change-stream images. */
  public static StreamRecord fromItem(Map<String, AttributeValue> item) {
    StreamSettings settings = new StreamSettings(item.get(StreamsTable.NAME).s(),
        (int) num(item, StreamsTable.SEGMENT_DURATION_MS, 2000), str(item, StreamsTable.LADDER).orElse("default"),
        bool(item, StreamsTable.PRIVATE), (int) num(item, StreamsTable.DVR_WINDOW_S, 0), bool(item, StreamsTable.RECORDING));
    AttributeValue health = item.get(StreamsTable.HEALTH);
    return new StreamRecord(new StreamId(item.get(StreamsTable.STREAM_ID).s()), item.get(StreamsTable.TENANT_ID).s(),
        settings, num(item, StreamsTable.CREATED_AT, 0), num(item, StreamsTable.UPDATED_AT, 0),
        str(item, StreamsTable.STATE), str(item, StreamsTable.LIVE_SESSION_ID), num(item, StreamsTable.LEASE_UNTIL, 0),
        health != null && health.hasM() ? PlainValues.map(health.m()) : Map.of(), num(item, StreamsTable.HEALTH_AT, 0),
        str(item, StreamsTable.LAST_SESSION_ID),
        item.containsKey(StreamsTable.DELETED_AT) ? Optional.of(num(item, StreamsTable.DELETED_AT, 0)) : Optional.empty());
  }

  private static Map<String, AttributeValue> key(StreamId id) {
    return Map.of(StreamsTable.STREAM_ID, s(id.value()));
  }

  private static Optional<String> str(Map<String, AttributeValue> item, String name) {
    AttributeValue v = item.get(name);
    return v == null || v.s() == null ? Optional.empty() : Optional.of(v.s());
  }

  private static long num(Map<String, AttributeValue> item, String name, long dflt) {
    AttributeValue v = item.get(name);
    return v == null || v.n() == null ? dflt : new java.math.BigDecimal(v.n()).longValue();
  }

  private static boolean bool(Map<String, AttributeValue> item, String name) {
    AttributeValue v = item.get(name);
    return v != null && Boolean.TRUE.equals(v.bool());
  }

  private static AttributeValue s(String v) {
    return AttributeValue.fromS(v);
  }

  private static AttributeValue n(long v) {
    return AttributeValue.fromN(Long.toString(v));
  }
}
