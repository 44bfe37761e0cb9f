package io.tributary.playlist.plan;

/**
 * What the planner needs from the stream record (core {@code StreamsTable}).
 *
 * @param privateStream playback requires a signed token
 * @param dvrWindowS seconds of history listed in the live playlist and reachable by clips; 0 = live window only
 * @param segmentDurationMs configured segment duration, 1000..6000
 */
public record StreamConfig(boolean privateStream, int dvrWindowS, int segmentDurationMs) {
  public static final StreamConfig DEFAULT = new StreamConfig(false, 0, 2000);

  public StreamConfig {
    if (dvrWindowS < 0 || dvrWindowS > 7 * 24 * 3600) {
      throw new IllegalArgumentException("dvrWindowS must be in 0..604800, got " + dvrWindowS);
    }
    if (segmentDurationMs < 1000 || segmentDurationMs > 6000) {
      throw new IllegalArgumentException("segmentDurationMs must be in 1000..6000, got " + segmentDurationMs);
    }
  }
}
