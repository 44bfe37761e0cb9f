package io.tributary.ingest.streams;

import io.tributary.core.id.SessionId;
import io.tributary.ingest.sink.SessionLedger;

/** The upload queue's ledger over DynamoDB: seq from the stream item, the ENDED record, then the lease released. */
public final class DynamoSessionLedger implements SessionLedger {
  private final StreamRepository repo;
  private final StreamConfig config;
  private final SessionId session;
  private final LeaseWatch lease;

  public DynamoSessionLedger(StreamRepository repo, StreamConfig config, SessionId session, LeaseWatch lease) {
    this.repo = repo;
    this.config = config;
    this.session = session;
    this.lease = lease;
  }

  @Override
  public long nextSeq() {
    long now = System.currentTimeMillis();
    long seq = repo.nextSeq(config.streamId(), session, lease.untilFrom(now));
    lease.extended(now);
    return seq;
  }

  @Override
  public void ended(String reason, long lastSeq, long endedAtMs) {
    repo.sessionEnded(config, session, endedAtMs, reason, lastSeq);
    repo.releaseLease(config.streamId(), session, endedAtMs);
  }
}
