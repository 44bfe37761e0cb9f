package io.tributary.api.session;

import java.util.Optional;

/** A publish session as ingest writes it; the API only reads sessions. */
public record SessionRecord(String streamId, String sessionId, String state, long startedAt, Optional<Long> endedAt,
                            Optional<String> endReason, Optional<String> keyId, Optional<Long> firstSeq,
                            Optional<Long> lastSeq, Optional<Boolean> recording) {
  public boolean ended() {
    return "ENDED".equals(state) || endedAt.isPresent();
  }
}
