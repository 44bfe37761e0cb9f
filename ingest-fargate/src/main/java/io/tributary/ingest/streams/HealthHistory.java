package io.tributary.ingest.streams;

import io.tributary.core.id.SessionId;
import io.tributary.core.id.StreamId;
import io.tributary.ingest.flv.HealthSample;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The health history of every stream of this task, written to the metrics table 25 samples per
 * BatchWriteItem (the API's limit) by one thread: a sample every few seconds per stream is the
 * most frequent write ingest makes besides its chunks, and one call per sample was a fifth of its
 * AWS calls at a hundred streams. History only (the latest sample is on the stream item, written
 * with the lease), so a bounded queue drops the oldest samples rather than grow when DynamoDB is
 * down; drops are counted and logged.
 */
public final class HealthHistory implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(HealthHistory.class);
  static final int BATCH = 25;

  private final StreamRepository repo;
  private final long flushMs;
  private final ArrayBlockingQueue<Map<String, AttributeValue>> queue;
  private final Thread flusher;
  private final LongAdder written = new LongAdder();
  private final LongAdder dropped = new LongAdder();
  private final LongAdder calls = new LongAdder();
  private volatile boolean closed;

  /**
   * @param flushMs longest a sample waits for companions before it is written
   * @param capacity samples held at most while DynamoDB fails
   */
  public HealthHistory(StreamRepository repo, long flushMs, int capacity) {
    if (flushMs < 1 || capacity < BATCH) {
      throw new IllegalArgumentException("need flushMs >= 1 and capacity >= " + BATCH + ", got " + flushMs + "/" + capacity);
    }
    this.repo = repo;
    this.flushMs = flushMs;
    this.queue = new ArrayBlockingQueue<>(capacity);
    this.flusher = new Thread(this::run, "health-history");
    flusher.setDaemon(true);
    flusher.start();
  }

  /** Queues one sample; never blocks (the event loop calls this). */
  public void add(StreamId stream, SessionId session, HealthSample h) {
    Map<String, AttributeValue> item = StreamRepository.healthHistoryItem(stream, session, h);
    while (!queue.offer(item)) {
      if (queue.poll() != null) {
        dropped.increment();
      }
    }
  }

  public long written() {
    return written.sum();
  }

  public long dropped() {
    return dropped.sum();
  }

  /** BatchWriteItem calls made. */
  public long calls() {
    return calls.sum();
  }

  private void run() {
    List<Map<String, AttributeValue>> batch = new ArrayList<>(BATCH);
    long backoff = 0;
    while (!closed || !queue.isEmpty()) {
      try {
        Thread.sleep(backoff > 0 ? backoff : flushMs);
      } catch (InterruptedException e) {
        if (!closed) {
          continue;
        }
      }
      backoff = 0;
      while (!queue.isEmpty() && backoff == 0) {
        batch.clear();
        queue.drainTo(batch, BATCH);
        try {
          calls.increment();
          List<Map<String, AttributeValue>> left = repo.writeHealthHistory(batch);
          written.add(batch.size() - left.size());
          requeue(left);
          if (!left.isEmpty()) {
            backoff = 200; // throttled: let the table breathe
          }
        } catch (RuntimeException e) {
          requeue(batch);
          backoff = Math.min(5000, flushMs * 4);
          LOG.warn("health history not written ({} samples queued), retrying in {} ms: {}", queue.size(), backoff,
              e.toString());
          if (closed) {
            return;
          }
        }
      }
    }
  }

  private void requeue(List<Map<String, AttributeValue>> items) {
    for (Map<String, AttributeValue> i : items) {
      if (!queue.offer(i)) {
        dropped.increment();
      }
    }
  }

  /** Writes what is queued (bounded by one attempt) and stops. */
  @Override
  public void close() {
    closed = true;
    flusher.interrupt();
    try {
      flusher.join(5000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (dropped() > 0) {
      LOG.warn("health history: {} sample(s) dropped while DynamoDB was failing", dropped());
    }
  }
}
