package io.tributary.ingest.server;

import io.tributary.core.id.SessionId;
import io.tributary.ingest.session.PublishDecision;
import io.tributary.ingest.streams.StreamConfig;

/** The decision plus, when accepted, what the live publish needs (the lease is already held). */
record Authorization(PublishDecision decision, StreamConfig config, SessionId session, long firstSeq, long startedAtMs) {
  static Authorization refused(PublishDecision d) {
    return new Authorization(d, null, null, -1, 0);
  }
}
