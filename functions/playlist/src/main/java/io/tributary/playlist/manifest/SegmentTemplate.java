package io.tributary.playlist.manifest;

import java.util.List;

/**
 * SegmentTemplate with a SegmentTimeline (ISO/IEC 23009-1 5.3.9.4), addressed by {@code $Number$}
 * over the stream-wide seq, so DASH and HLS fetch the same CMAF files.
 *
 * @param timescale {@code @timescale}, required (units per second of {@code t} and {@code d})
 * @param initialization {@code @initialization}, required: the session's init segment
 * @param media {@code @media}, required, must contain {@code $Number$}
 * @param startNumber {@code @startNumber}, required: seq of the first timeline segment
 * @param presentationTimeOffset {@code @presentationTimeOffset}, written when non-zero: media time at Period start
 * @param timeline the {@code S} elements, at least one; numbers run consecutively from startNumber
 */
public record SegmentTemplate(long timescale, String initialization, String media, long startNumber,
                              long presentationTimeOffset, List<TimelineEntry> timeline) {
  public SegmentTemplate {
    timeline = List.copyOf(timeline);
    if (timescale <= 0) {
      throw new InvalidManifestException("SegmentTemplate@timescale must be positive, got " + timescale);
    }
    HlsRules.quotedString("SegmentTemplate@initialization", initialization);
    HlsRules.quotedString("SegmentTemplate@media", media);
    if (!media.contains("$Number$")) {
      throw new InvalidManifestException("SegmentTemplate@media must address segments by $Number$: " + media);
    }
    if (startNumber < 0 || presentationTimeOffset < 0) {
      throw new InvalidManifestException("startNumber and presentationTimeOffset cannot be negative");
    }
    if (timeline.isEmpty() || timeline.get(0).t().isEmpty()) {
      throw new InvalidManifestException("a SegmentTimeline needs at least one S and S@t on the first (5.3.9.6)");
    }
  }

  /** Number of segments the timeline describes. */
  public long segmentCount() {
    long n = 0;
    for (TimelineEntry e : timeline) {
      n += e.count();
    }
    return n;
  }

  /** Timeline end in timescale units. */
  public long endTime() {
    long t = 0;
    for (TimelineEntry e : timeline) {
      if (e.t().isPresent()) {
        t = e.t().getAsLong();
      }
      t += e.d() * e.count();
    }
    return t;
  }
}
