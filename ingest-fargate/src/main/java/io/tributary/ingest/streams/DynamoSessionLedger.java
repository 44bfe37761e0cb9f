package io.tributary.ingest.streams;

import io.tributary.core.id.SessionId;
import io.tributary.ingest.flv.HealthSample;
import io.tributary.ingest.sink.SessionLedger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The upload queue's ledger over DynamoDB: seq from the stream item, the ENDED record, then the
 * lease released. The session's latest health sample waits here and rides on the next seq write
 * (a chunk closes every few seconds); see {@link #offerHealth}.
 */
public final class DynamoSessionLedger implements SessionLedger {
  private final StreamRepository repo;
  private final StreamConfig config;
  private final SessionId session;
  private final LeaseWatch lease;
  private final AtomicReference<HealthSample> pendingHealth = new AtomicReference<>();

  public DynamoSessionLedger(StreamRepository repo, StreamConfig config, SessionId session, LeaseWatch lease) {
    this.repo = repo;
    this.config = config;
    this.session = session;
    this.lease = lease;
  }

  @Override
  public long nextSeq() {
    long now = System.currentTimeMillis();
    HealthSample h = pendingHealth.getAndSet(null);
    try {
      long seq = repo.nextSeq(config.streamId(), session, lease.untilFrom(now), h);
      lease.extended(now);
      return seq;
    } catch (RuntimeException e) {
      if (h != null) {
        pendingHealth.compareAndSet(null, h); // not written: the next write (or the health timer) takes it
      }
      throw e;
    }
  }

  /**
   * Leaves a health sample for the next seq write. Returns true if the previous sample was still
   * waiting (no chunk closed for a whole health interval: a long GOP, audio-only, a stalled
   * encoder); the caller then writes this one itself after {@link #takeHealth}, so the stream
   * item is never staler than about two intervals.
   */
  public boolean offerHealth(HealthSample h) {
    return pendingHealth.getAndSet(h) != null;
  }

  /** Takes {@code h} back if no seq write has taken it meanwhile; true if the caller must write it. */
  public boolean takeHealth(HealthSample h) {
    return pendingHealth.compareAndSet(h, null);
  }

  @Override
  public void ended(String reason, long lastSeq, long unusedSeq, long endedAtMs) {
    repo.sessionEnded(config, session, endedAtMs, reason, lastSeq);
    repo.releaseLease(config.streamId(), session, endedAtMs, unusedSeq);
  }
}
