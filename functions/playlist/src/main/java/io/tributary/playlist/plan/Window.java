package io.tributary.playlist.plan;

import java.util.List;
import java.util.Map;

/**
 * The segments one manifest lists, decided once and rendered as HLS or DASH.
 *
 * @param request what was asked
 * @param segments contiguous by seq (missing seqs appear as gaps), at least one
 * @param state live, ended or stale
 * @param discontinuitySequence discontinuities before the first listed segment (live scope), else 0
 * @param renditions video renditions present in every listed non-gap segment, highest peak bandwidth first
 * @param audio every listed non-gap segment has audio
 * @param targetDurationS EXT-X-TARGETDURATION: from the configured duration and the cut overrun
 *     bound ({@link PlanSettings#cutOverrunMs}), constant for a session
 * @param targetRaised a listed segment overran the bound, so the target had to be raised past it
 * @param sessions known sessions by id, for DASH Period starts
 */
public record Window(PlaylistRequest request, List<IndexedSegment> segments, WindowState state,
                     long discontinuitySequence, List<String> renditions, boolean audio, int targetDurationS,
                     boolean targetRaised, Map<String, SessionInfo> sessions) {
  public Window {
    segments = List.copyOf(segments);
    renditions = List.copyOf(renditions);
    sessions = Map.copyOf(sessions);
    if (segments.isEmpty()) {
      throw new IllegalArgumentException("a window lists at least one segment");
    }
    for (int i = 1; i < segments.size(); i++) {
      if (segments.get(i).seq() != segments.get(i - 1).seq() + 1) {
        throw new IllegalArgumentException("window segments must be contiguous, got " + segments.get(i - 1).seq()
            + " then " + segments.get(i).seq());
      }
    }
    if (renditions.isEmpty() && !audio) {
      throw new IllegalArgumentException("a window needs at least one rendition or audio");
    }
  }

  public IndexedSegment first() {
    return segments.get(0);
  }

  public IndexedSegment last() {
    return segments.get(segments.size() - 1);
  }

  /** True when {@code name} is a listed video rendition or {@code audio} with audio present. */
  public boolean hasRendition(String name) {
    return IndexedSegment.AUDIO.equals(name) ? audio : renditions.contains(name);
  }

  /** A discontinuity before segment i: a new session, or a segment flagged as one (never the first). */
  public boolean discontinuityAt(int i) {
    if (i == 0) {
      return false;
    }
    IndexedSegment s = segments.get(i);
    return s.discontinuity() || !s.sessionId().equals(segments.get(i - 1).sessionId());
  }

  /**
   * Cache-Control max-age for this manifest: live at most half a segment (so a player polling
   * every target duration never sees one stale copy twice), stale 1 s, ended sessions long.
   */
  public int maxAgeSeconds(PlanSettings settings) {
    int live = Math.max(1, targetDurationS / 2);
    return switch (state) {
      case STALE -> 1;
      case LIVE -> live;
      // The live URL of an ended stream may start again with the next publish.
      case ENDED -> request.isVod() || request.isClip() ? settings.endedMaxAgeS() : live;
    };
  }
}
