package io.tributary.ingest.sink;

import io.tributary.core.id.SessionId;
import io.tributary.core.id.StreamId;
import io.tributary.core.media.Ladder;

/** Which stream and session a queue uploads for, and what its jobs carry. */
public record SessionTarget(StreamId streamId, SessionId sessionId, int targetDurationMs, String ladderPreset) {
  public SessionTarget {
    if (streamId == null || sessionId == null) {
      throw new IllegalArgumentException("stream and session ids are required");
    }
    if (targetDurationMs < 1000 || targetDurationMs > 6000) {
      throw new IllegalArgumentException("target duration must be in 1000..6000 ms, got " + targetDurationMs);
    }
    Ladder.preset(ladderPreset);
  }
}
