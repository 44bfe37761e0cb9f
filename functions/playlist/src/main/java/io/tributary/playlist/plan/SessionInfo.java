package io.tributary.playlist.plan;

/**
 * A publish session as the planner needs it (core {@code SessionsTable}).
 *
 * @param sessionId the session
 * @param firstSeq seq of its first segment: counts discontinuities that slid out of a live window
 * @param startedAtMs epoch ms the session started: the stable start of its DASH Period
 */
public record SessionInfo(String sessionId, long firstSeq, long startedAtMs) {
  public SessionInfo {
    if (sessionId == null || sessionId.isBlank() || firstSeq < 0 || startedAtMs < 0) {
      throw new IllegalArgumentException("session needs an id, firstSeq >= 0 and startedAtMs >= 0: " + sessionId
          + "/" + firstSeq + "/" + startedAtMs);
    }
  }
}
