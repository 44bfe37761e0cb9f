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
 * @param cutOverrunMs how far past its configured duration a segment may run and still fit the
 *     session's EXT-X-TARGETDURATION. Ingest cuts at the first keyframe at or past the configured
 *     duration, so a segment overruns it by less than one keyframe interval: not at all when the
 *     interval divides the duration, up to the interval otherwise. The target is fixed from this
 *     bound, never from the segments seen (RFC 8216 4.3.3.1: it MUST NOT change). Default 0:
 *     EXTINF is compared rounded, so a 2 s session's target of 2 already covers cuts up to 499 ms
 *     late, which is every encoder keyed at the segment duration (the common 2 s keyframe
 *     setting). A larger bound costs latency for everyone: players start about three target
 *     durations behind the live edge (1000 ms makes a 2 s stream's target 3, +3 s).
 */
public record PlanSettings(int liveWindowSegments, int maxSegments, int staleFactor, int endedMaxAgeS,
                           int cutOverrunMs) {
  public static final PlanSettings DEFAULT = new PlanSettings(6, 14_400, 3, 86_400, 0);

  public PlanSettings {
    if (liveWindowSegments < 3 || liveWindowSegments > maxSegments) {
      throw new IllegalArgumentException("liveWindowSegments must be in 3..maxSegments, got " + liveWindowSegments);
    }
    if (staleFactor < 2 || endedMaxAgeS < 1) {
      throw new IllegalArgumentException("staleFactor >= 2 and endedMaxAgeS >= 1 required");
    }
    if (cutOverrunMs < 0 || cutOverrunMs > 6000) {
      throw new IllegalArgumentException("cutOverrunMs must be in 0..6000, got " + cutOverrunMs);
    }
  }
}
