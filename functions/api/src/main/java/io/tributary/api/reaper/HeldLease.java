package io.tributary.api.reaper;

import io.tributary.core.id.StreamId;
import java.util.OptionalLong;

/**
 * A publish lease as the streams table's {@code byLeaseTask} index shows it: which session of
 * which stream a task holds. Read from an eventually consistent index, so every write made from
 * it is conditional on the lease still being exactly this one.
 *
 * @param lastSeq the stream's {@code nextSeq - 1}: the last seq taken, by this session if it took any
 * @param recording the stream keeps its sessions (no TTL on the session record)
 */
public record HeldLease(StreamId streamId, String sessionId, String taskId, OptionalLong lastSeq, boolean recording) {
  public HeldLease {
    if (streamId == null || sessionId == null || sessionId.isBlank() || taskId == null || taskId.isBlank()) {
      throw new IllegalArgumentException("a held lease needs stream, session and task: " + streamId + "/"
          + sessionId + "/" + taskId);
    }
  }
}
