package io.tributary.ingest.sink;

import java.util.Arrays;

/**
 * Recent latencies (a ring of the last {@code capacity} values) for percentiles on /metrics and
 * in the benchmark, plus all-time count and sum. Thread-safe; recording is O(1).
 */
public final class LatencyStats {
  private final long[] ring;
  private int next;
  private int filled;
  private long count;
  private long sumMs;

  public LatencyStats(int capacity) {
    ring = new long[capacity];
  }

  public synchronized void record(long ms) {
    ring[next] = ms;
    next = (next + 1) % ring.length;
    filled = Math.min(filled + 1, ring.length);
    count++;
    sumMs += ms;
  }

  /** The q-quantile (0..1) of the recent values, or 0 when none. */
  public synchronized long quantile(double q) {
    if (filled == 0) {
      return 0;
    }
    long[] copy = Arrays.copyOf(ring, filled);
    Arrays.sort(copy);
    int i = (int) Math.ceil(q * filled) - 1;
    return copy[Math.max(0, Math.min(filled - 1, i))];
  }

  public synchronized long count() {
    return count;
  }

  public synchronized long sumMs() {
    return sumMs;
  }
}
