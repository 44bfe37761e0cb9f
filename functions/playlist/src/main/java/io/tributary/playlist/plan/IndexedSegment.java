package io.tributary.playlist.plan;

import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One item of the segment index (core {@code SegmentsTable}), or a gap the planner synthesised
 * for a seq that never arrived.
 *
 * @param seq stream-wide segment number (the media sequence number)
 * @param sessionId publish session
 * @param gap true for STATUS=GAP (failed for good) or a missing seq: listed with EXT-X-GAP
 * @param discontinuity first segment of a session
 * @param last last segment of a session
 * @param durationMs exact duration (DURATION seconds) in milliseconds
 * @param startMs start on the session timeline
 * @param capturedAtMs wall clock of the first frame at ingest (EXT-X-PROGRAM-DATE-TIME)
 * @param targetDurationMs the stream's configured segment duration when the segment was cut
 * @param renditions rendition name → track; empty for gaps
 * @param audio the audio track, absent for video-only streams and gaps
 * @param sessionOrdinal 1-based ordinal of the session among the stream's sessions (core
 *     {@code SegmentsTable.SESSION_ORDINAL}), absent on items written before it existed
 */
public record IndexedSegment(long seq, String sessionId, boolean gap, boolean discontinuity, boolean last,
                             long durationMs, long startMs, long capturedAtMs, int targetDurationMs,
                             Map<String, Track> renditions, Optional<Track> audio, OptionalLong sessionOrdinal) {
  /** An item without a session ordinal, as written before the transcoder recorded one. */
  public IndexedSegment(long seq, String sessionId, boolean gap, boolean discontinuity, boolean last, long durationMs,
                        long startMs, long capturedAtMs, int targetDurationMs, Map<String, Track> renditions,
                        Optional<Track> audio) {
    this(seq, sessionId, gap, discontinuity, last, durationMs, startMs, capturedAtMs, targetDurationMs, renditions,
        audio, OptionalLong.empty());
  }

  public IndexedSegment {
    renditions = Map.copyOf(renditions);
    if (sessionOrdinal.isPresent() && sessionOrdinal.getAsLong() < 1) {
      throw new IllegalArgumentException("segment " + seq + ": session ordinal must be >= 1, got "
          + sessionOrdinal.getAsLong());
    }
    if (seq < 0 || sessionId == null || sessionId.isBlank()) {
      throw new IllegalArgumentException("segment needs seq >= 0 and a session id, got " + seq + "/" + sessionId);
    }
    if (durationMs <= 0 || durationMs > 600_000) {
      throw new IllegalArgumentException("segment " + seq + ": duration must be in (0, 600] s, got " + durationMs + " ms");
    }
    if (targetDurationMs < 1000 || targetDurationMs > 6000) {
      throw new IllegalArgumentException("segment " + seq + ": targetDurationMs must be in 1000..6000, got "
          + targetDurationMs);
    }
    if (!gap && renditions.isEmpty() && audio.isEmpty()) {
      throw new IllegalArgumentException("segment " + seq + " is OK but has neither renditions nor audio");
    }
  }

  /** Wall-clock end of the segment. */
  public long endMs() {
    return capturedAtMs + durationMs;
  }

  /** The track of a rendition name, {@code audio} naming the audio track. */
  public Optional<Track> track(String rendition) {
    return AUDIO.equals(rendition) ? audio : Optional.ofNullable(renditions.get(rendition));
  }

  /** Same name as core {@code MediaKeys.AUDIO}: audio is addressed as a rendition. */
  public static final String AUDIO = io.tributary.core.resources.MediaKeys.AUDIO;
}
