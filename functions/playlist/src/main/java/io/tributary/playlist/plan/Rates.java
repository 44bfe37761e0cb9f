package io.tributary.playlist.plan;

import java.util.Optional;

/**
 * Peak and average bit rate of one rendition over a window: BANDWIDTH and AVERAGE-BANDWIDTH
 * (RFC 8216 4.3.4.2) and the DASH {@code @bandwidth}.
 */
record Rates(long peak, long average) {
  static final Rates NONE = new Rates(0, 0);

  static Rates of(Window w, String rendition) {
    long peak = 0;
    long bits = 0;
    long ms = 0;
    for (IndexedSegment s : w.segments()) {
      Optional<Track> t = s.track(rendition);
      if (t.isEmpty()) {
        continue;
      }
      peak = Math.max(peak, t.get().peakBitsPerSecond(s.durationMs()));
      bits += t.get().size() * 8;
      ms += s.durationMs();
    }
    long average = ms > 0 ? bits * 1000 / ms : peak;
    peak = Math.max(peak, 1);
    return new Rates(peak, Math.max(1, Math.min(average, peak)));
  }
}
