package io.tributary.ingest.streams;

import io.tributary.core.id.SessionId;
import io.tributary.ingest.sink.SessionLedger;

/** The upload queue's ledger over DynamoDB: seq from the stream item, the ENDED record, then the lease released. */
public final class DynamoSessionLedger implements SessionLedger {
  private final StreamRepository repo;
  private final StreamConfig config;
  private final SessionId session;

  public DynamoSessionLedger(StreamRepository repo, StreamConfig config, SessionId session) {
    this.repo = repo;
    this.config = config;
    this.session = session;
  }

  @Override
  public long nextSeq() {
    return repo.nextSeq(config.streamId(), session);
  }

  @Override
  public void ended(String reason, long lastSeq, long endedAtMs) {
    repo.sessionEnded(config, session, endedAtMs, reason, lastSeq);
    repo.releaseLease(config.streamId(), session, endedAtMs);
  }
}
