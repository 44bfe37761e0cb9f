package io.tributary.ingest.streams;

import java.util.concurrent.atomic.AtomicLong;

/**
 * When this session's lease was last extended. Every conditional write of a live session (seq,
 * health) also extends the lease, so the separate heartbeat only runs when none of them did for
 * a third of the lease: one DynamoDB call saved per stream and interval, which matters at
 * hundreds of streams per task.
 */
public final class LeaseWatch {
  private final long leaseMs;
  private final AtomicLong extendedAt;

  public LeaseWatch(long leaseMs, long acquiredAtMs) {
    this.leaseMs = leaseMs;
    this.extendedAt = new AtomicLong(acquiredAtMs);
  }

  /** The lease end to write for a write made now. */
  public long untilFrom(long nowMs) {
    return nowMs + leaseMs;
  }

  public void extended(long atMs) {
    extendedAt.accumulateAndGet(atMs, Math::max);
  }

  /** True when no write extended the lease for a third of its length. */
  public boolean heartbeatDue(long nowMs) {
    return nowMs - extendedAt.get() >= leaseMs / 3;
  }
}
