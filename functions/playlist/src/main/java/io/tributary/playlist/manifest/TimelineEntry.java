package io.tributary.playlist.manifest;

import java.util.OptionalLong;

/**
 * One {@code S} element of a SegmentTimeline (ISO/IEC 23009-1 5.3.9.6).
 *
 * @param t {@code @t}, optional: start in the template timescale; required on the first entry and
 *     wherever a segment does not start where the previous one ended
 * @param d {@code @d}, required: duration in the timescale
 * @param r {@code @r}, optional (written when non-zero): how many more segments of the same duration follow
 */
public record TimelineEntry(OptionalLong t, long d, int r) {
  public TimelineEntry {
    if (d <= 0 || r < 0) {
      throw new InvalidManifestException("S@d must be positive and S@r non-negative, got d=" + d + " r=" + r);
    }
    if (t.isPresent() && t.getAsLong() < 0) {
      throw new InvalidManifestException("S@t cannot be negative: " + t.getAsLong());
    }
  }

  /** Segments this entry stands for. */
  public int count() {
    return r + 1;
  }
}
