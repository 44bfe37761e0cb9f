package io.tributary.api.reaper;

import io.tributary.core.id.StreamId;
import io.tributary.core.resources.ResourceNames;
import io.tributary.core.resources.LeaseRelease;
import io.tributary.core.resources.SessionEnd;
import io.tributary.core.resources.SessionsTable;
import io.tributary.core.resources.StreamsTable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * Ends what a stopped ingest task left live, the way ingest ends a publish itself
 * ({@code DynamoSessionLedger.ended}: the session record ENDED, then the lease released), so the
 * next publisher of those streams gets in at once instead of after the lease runs out, and the
 * release reaches the change stream as {@code stream.ended}.
 *
 * <p>Only conditional writes, one item each (no transactions, see core {@code Schema}): the
 * session is ended only while it is still LIVE under this task, the lease released only while
 * this task still holds this session's lease. A stream another task took over meanwhile, a session
 * ingest ended itself (SIGTERM drain), a redelivered event: each write's condition fails and
 * nothing changes. Finding the streams is one Query on the sparse {@code byLeaseTask} index.
 */
public final class LeaseReaper {
  /** The session end reason, beside ingest's unpublish, disconnect, idle, drain, lease-lost, ... */
  public static final String END_REASON = "task-stopped";
  /** As ingest: sessions of streams that do not record expire after 30 days. */
  private static final Logger LOG = LoggerFactory.getLogger(LeaseReaper.class);

  /** Streams reaped at once by default. */
  public static final int DEFAULT_CONCURRENCY = 16;

  private final DynamoDbClient dynamo;
  private final ResourceNames names;
  private final int concurrency;

  public LeaseReaper(DynamoDbClient dynamo, ResourceNames names) {
    this(dynamo, names, DEFAULT_CONCURRENCY);
  }

  /** @param concurrency streams reaped at once (1..256) */
  public LeaseReaper(DynamoDbClient dynamo, ResourceNames names, int concurrency) {
    if (concurrency < 1 || concurrency > 256) {
      throw new IllegalArgumentException("reaper concurrency must be in 1..256, got " + concurrency);
    }
    this.dynamo = dynamo;
    this.names = names;
    this.concurrency = concurrency;
  }

  /**
   * Ends every session whose lease {@code taskId} holds.
   *
   * @throws LeaseReapException after trying every stream, when some write (or the query) failed;
   *     the writes that succeeded stay, and a retry finds only the rest
   */
  public ReapResult reap(String taskId, long nowMs) {
    List<HeldLease> held;
    try {
      held = heldBy(taskId);
    } catch (SdkException e) {
      throw new LeaseReapException(taskId, List.of(), "cannot query " + StreamsTable.BY_LEASE_TASK + ": "
          + e.getMessage(), e);
    }
    if (held.isEmpty()) {
      return new ReapResult(0, 0, 0, List.of());
    }
    if (Math.min(held.size(), concurrency) == 1) {
      return reapInOrder(taskId, held, nowMs);
    }
    // A task may hold hundreds of publishes; one after another they would take seconds in AWS, near
    // the lease length this exists to beat. Each stream's two writes stay in order on one thread.
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(held.size(), concurrency), r -> {
      Thread t = new Thread(r, "lease-reaper");
      t.setDaemon(true);
      return t;
    });
    List<Future<int[]>> outcomes = new ArrayList<>();
    try {
      for (HeldLease lease : held) {
        outcomes.add(pool.submit(() -> reapOne(lease, nowMs)));
      }
      int released = 0;
      int ended = 0;
      List<String> failed = new ArrayList<>();
      Throwable firstError = null;
      for (int i = 0; i < held.size(); i++) {
        try {
          int[] r = outcomes.get(i).get();
          ended += r[0];
          released += r[1];
        } catch (ExecutionException e) {
          failed.add(held.get(i).streamId().value());
          firstError = firstError == null ? e.getCause() : firstError;
        }
      }
      if (firstError != null) {
        throw new LeaseReapException(taskId, failed, firstError.getMessage(), firstError);
      }
      return new ReapResult(held.size(), released, ended, failed);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LeaseReapException(taskId, List.of(), "interrupted", e);
    } finally {
      pool.shutdownNow();
    }
  }

  private ReapResult reapInOrder(String taskId, List<HeldLease> held, long nowMs) {
    int released = 0;
    int ended = 0;
    List<String> failed = new ArrayList<>();
    SdkException firstError = null;
    for (HeldLease lease : held) {
      try {
        int[] r = reapOne(lease, nowMs);
        ended += r[0];
        released += r[1];
      } catch (SdkException e) {
        failed.add(lease.streamId().value());
        firstError = firstError == null ? e : firstError;
      }
    }
    if (firstError != null) {
      throw new LeaseReapException(taskId, failed, firstError.getMessage(), firstError);
    }
    return new ReapResult(held.size(), released, ended, failed);
  }

  /** One stream: the session ended, then the lease released, as ingest orders them; {ended, released}. */
  private int[] reapOne(HeldLease lease, long nowMs) {
    MDC.put("streamId", lease.streamId().value());
    MDC.put("sessionId", lease.sessionId());
    try {
      boolean sessionEnded = endSession(lease, nowMs);
      boolean leaseReleased = release(lease, nowMs);
      LOG.info("stopped task {}: session {}, lease {}", lease.taskId(), sessionEnded ? "ended" : "already ended",
          leaseReleased ? "released" : "no longer held by it");
      return new int[] {sessionEnded ? 1 : 0, leaseReleased ? 1 : 0};
    } catch (SdkException e) {
      LOG.warn("stopped task {}: cannot end the session or release the lease: {}", lease.taskId(), e.toString());
      throw e;
    } finally {
      MDC.remove("streamId");
      MDC.remove("sessionId");
    }
  }

  /** The leases the index lists for {@code taskId}, every page. */
  public List<HeldLease> heldBy(String taskId) {
    List<HeldLease> out = new ArrayList<>();
    Map<String, AttributeValue> start = null;
    do {
      Map<String, AttributeValue> from = start;
      QueryResponse page = dynamo.query(b -> b.tableName(names.streamsTable()).indexName(StreamsTable.BY_LEASE_TASK)
          .keyConditionExpression("#lt = :t")
          .expressionAttributeNames(Map.of("#lt", StreamsTable.LIVE_TASK_ID))
          .expressionAttributeValues(Map.of(":t", s(taskId)))
          .exclusiveStartKey(from));
      for (Map<String, AttributeValue> item : page.items()) {
        String stream = str(item, StreamsTable.STREAM_ID);
        String session = str(item, StreamsTable.LIVE_SESSION_ID);
        if (stream == null || session == null || !StreamId.isValid(stream)) {
          LOG.warn("stopped task {}: index item without a stream or session id skipped: {} / {}", taskId, stream,
              session);
          continue;
        }
        AttributeValue next = item.get(StreamsTable.NEXT_SEQ);
        OptionalLong last = next == null || next.n() == null || new BigDecimal(next.n()).longValue() < 1
            ? OptionalLong.empty() : OptionalLong.of(new BigDecimal(next.n()).longValue() - 1);
        AttributeValue rec = item.get(StreamsTable.RECORDING);
        out.add(new HeldLease(new StreamId(stream), session, taskId, last,
            rec != null && Boolean.TRUE.equals(rec.bool())));
      }
      start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
    } while (start != null);
    return out;
  }

  /**
   * The session record ENDED with {@link #END_REASON}, only while it is LIVE under this task. Its
   * {@code lastSeq} is the stream's last seq when the session took it (not below its firstSeq);
   * otherwise the session took none and, as ingest writes it, has none. Ingest takes a seq when a
   * chunk starts filling, so after a crash the last seq (and any chunk still waiting to upload)
   * was usually lost with the task: {@code lastSeq} bounds the session, its last segments may be
   * missing. Nothing here marks a chunk final; the task that would have is gone.
   *
   * @return true if this call ended it
   */
  public boolean endSession(HeldLease lease, long nowMs) {
    if (lease.lastSeq().isPresent() && updateSession(lease, nowMs, lease.lastSeq())) {
      return true;
    }
    return updateSession(lease, nowMs, OptionalLong.empty());
  }

  private boolean updateSession(HeldLease lease, long nowMs, OptionalLong lastSeq) {
    SessionEnd end = new SessionEnd(lease.streamId().value(), lease.sessionId(), nowMs, END_REASON, lastSeq,
        lease.recording());
    Map<String, String> attrs = end.names();
    attrs.put("#task", SessionsTable.TASK_ID);
    Map<String, AttributeValue> values = end.values();
    values.put(":live", s(SessionEnd.LIVE));
    values.put(":task", s(lease.taskId()));
    if (lastSeq.isPresent()) {
      attrs.put("#fs", SessionsTable.FIRST_SEQ);
    }
    String condition = "#st = :live AND #task = :task" + (lastSeq.isPresent() ? " AND #fs <= :lq" : "");
    try {
      dynamo.updateItem(b -> b.tableName(names.sessionsTable()).key(end.key())
          .updateExpression(end.updateExpression())
          .conditionExpression(condition)
          .expressionAttributeNames(attrs)
          .expressionAttributeValues(values));
      return true;
    } catch (ConditionalCheckFailedException e) {
      return false;
    }
  }

  /**
   * Releases the lease as ingest does on unpublish (lease attributes removed, state ENDED), only
   * while this task still holds this session's lease.
   *
   * @return true if this call released it
   */
  public boolean release(HeldLease lease, long nowMs) {
    try {
      LeaseRelease release = new LeaseRelease(lease.streamId().value(), lease.sessionId(), nowMs);
      Map<String, AttributeValue> values = release.values();
      values.put(":t", s(lease.taskId()));
      dynamo.updateItem(b -> b.tableName(names.streamsTable()).key(release.key())
          .updateExpression(release.updateExpression())
          .conditionExpression(LeaseRelease.CONDITION + " AND #lt = :t")
          .expressionAttributeNames(release.names())
          .expressionAttributeValues(values));
      return true;
    } catch (ConditionalCheckFailedException e) {
      return false;
    }
  }

  private static String str(Map<String, AttributeValue> item, String name) {
    AttributeValue v = item.get(name);
    return v == null ? null : v.s();
  }

  private static AttributeValue s(String v) {
    return AttributeValue.fromS(v);
  }
}
