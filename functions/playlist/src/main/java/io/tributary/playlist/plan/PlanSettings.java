package io.tributary.playlist.plan;

/**
 * Service-wide knobs of the planner.
 *
 * @param liveWindowSegments segments in a live playlist when the stream keeps no DVR (RFC 8216
 *     6.2.2 asks for at least three target durations)
 * @param maxSegments cap on listed segments (a 4-hour DVR at 1 s segments)
 * @param staleFactor a live stream whose newest segment ended more than this many target
 *     durations ago is answered as ended
 * @param endedMaxAgeS Cache-Control max-age of an ended session's manifests
 */
public record PlanSettings(int liveWindowSegments, int maxSegments, int staleFactor, int endedMaxAgeS) {
  public static final PlanSettings DEFAULT = new PlanSettings(6, 14_400, 3, 86_400);

  public PlanSettings {
    if (liveWindowSegments < 3 || liveWindowSegments > maxSegments) {
      throw new IllegalArgumentException("liveWindowSegments must be in 3..maxSegments, got " + liveWindowSegments);
    }
    if (staleFactor < 2 || endedMaxAgeS < 1) {
      throw new IllegalArgumentException("staleFactor >= 2 and endedMaxAgeS >= 1 required");
    }
  }
}
