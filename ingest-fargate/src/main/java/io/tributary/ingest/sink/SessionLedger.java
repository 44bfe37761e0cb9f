package io.tributary.ingest.sink;

/**
 * The per-session bookkeeping the upload queue needs from the stream store, in upload order.
 * Implemented over DynamoDB by the server; failures are runtime exceptions and are retried,
 * except {@link io.tributary.ingest.streams.LeaseLostException}, which ends the session.
 */
public interface SessionLedger {
  /** The stream-wide seq for the next chunk of this session. */
  long nextSeq();

  /**
   * Records the end of the session (after its last chunk's job was sent) and releases the lease.
   *
   * @param unusedSeq a seq taken ahead for a chunk that never closed, to give back (the stream's
   *     next chunk then takes it), or -1
   */
  void ended(String reason, long lastSeq, long unusedSeq, long endedAtMs);
}
