package io.tributary.playlist.store;

import io.tributary.core.resources.SessionsTable;
import io.tributary.core.resources.StreamsTable;
import io.tributary.playlist.plan.SessionInfo;
import io.tributary.playlist.plan.StreamConfig;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * {@link StreamCatalog} over the streams and sessions tables with a per-stream cache. The cache
 * TTL stays below a live window's duration, so every session that started before the window's
 * first segment is known (the discontinuity sequence counts them); a session id the cache does
 * not know triggers {@link #refresh}.
 */
public final class DynamoStreamCatalog implements StreamCatalog {
  private static final Logger LOG = LoggerFactory.getLogger(DynamoStreamCatalog.class);
  private static final int MAX_CACHED_STREAMS = 10_000;

  private record Entry(Optional<StreamView> view, long loadedAtMs) {}

  private final DynamoDbClient dynamo;
  private final String streamsTable;
  private final String sessionsTable;
  private final long ttlMs;
  private final LongSupplier clock;
  private final Map<String, Entry> cache = new ConcurrentHashMap<>();

  public DynamoStreamCatalog(DynamoDbClient dynamo, String streamsTable, String sessionsTable, long ttlMs,
                             LongSupplier clock) {
    this.dynamo = dynamo;
    this.streamsTable = streamsTable;
    this.sessionsTable = sessionsTable;
    this.ttlMs = ttlMs;
    this.clock = clock;
  }

  @Override
  public Optional<StreamView> get(String streamId) {
    Entry e = cache.get(streamId);
    long now = clock.getAsLong();
    if (e != null && now - e.loadedAtMs() < ttlMs) {
      return e.view();
    }
    return refresh(streamId);
  }

  @Override
  public Optional<StreamView> refresh(String streamId) {
    long now = clock.getAsLong();
    Optional<StreamView> view = load(streamId, now);
    if (cache.size() > MAX_CACHED_STREAMS) {
      cache.clear(); // a crude bound; entries live seconds anyway
    }
    cache.put(streamId, new Entry(view, now));
    return view;
  }

  private Optional<StreamView> load(String streamId, long now) {
    GetItemResponse r = dynamo.getItem(b -> b.tableName(streamsTable)
        .key(Map.of(StreamsTable.STREAM_ID, AttributeValue.fromS(streamId))));
    if (!r.hasItem() || r.item().isEmpty() || r.item().containsKey(StreamsTable.DELETED_AT)) {
      return Optional.empty();
    }
    ItemReader item = new ItemReader(streamsTable, streamId, r.item());
    StreamConfig config;
    try {
      config = new StreamConfig(item.bool(StreamsTable.PRIVATE), (int) item.number(StreamsTable.DVR_WINDOW_S, 0),
          (int) item.number(StreamsTable.SEGMENT_DURATION_MS, 2000));
    } catch (IllegalArgumentException e) {
      throw new IndexReadException(streamsTable, streamId, "*", e.getMessage());
    }
    return Optional.of(new StreamView(config, sessions(streamId), now));
  }

  private List<SessionInfo> sessions(String streamId) {
    List<SessionInfo> out = new ArrayList<>();
    QueryRequest q = QueryRequest.builder().tableName(sessionsTable)
        .keyConditionExpression("#s = :s")
        .projectionExpression("#id, #f, #t")
        .expressionAttributeNames(Map.of("#s", SessionsTable.STREAM_ID, "#id", SessionsTable.SESSION_ID,
            "#f", SessionsTable.FIRST_SEQ, "#t", SessionsTable.STARTED_AT))
        .expressionAttributeValues(Map.of(":s", AttributeValue.fromS(streamId))).build();
    while (true) {
      QueryResponse page = dynamo.query(q);
      for (Map<String, AttributeValue> it : page.items()) {
        ItemReader r = new ItemReader(sessionsTable, streamId, it);
        try {
          if (!it.containsKey(SessionsTable.FIRST_SEQ)) {
            continue; // connected, no segment yet
          }
          long started = r.number(SessionsTable.STARTED_AT, 0);
          out.add(new SessionInfo(r.string(SessionsTable.SESSION_ID), r.number(SessionsTable.FIRST_SEQ),
              started < 100_000_000_000L ? started * 1000 : started));
        } catch (RuntimeException e) {
          LOG.error("unreadable session item skipped: stream={} item={} error={}", streamId, it.keySet(), e.getMessage());
        }
      }
      if (!page.hasLastEvaluatedKey() || page.lastEvaluatedKey().isEmpty()) {
        break;
      }
      q = q.toBuilder().exclusiveStartKey(page.lastEvaluatedKey()).build();
    }
    out.sort(Comparator.comparingLong(SessionInfo::firstSeq));
    return out;
  }
}
