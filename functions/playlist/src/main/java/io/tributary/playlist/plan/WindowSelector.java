package io.tributary.playlist.plan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Decides which indexed segments a manifest lists. Pure: the index items of one Query (ascending
 * seq), the stream's configuration and its sessions in, a {@link Window} out.
 *
 * <p>Media sequence numbers are the stream-wide seq (RFC 8216 6.2.2: each segment keeps its
 * number), so listed segments must be contiguous. A seq still being transcoded stops the list (the
 * live edge waits for it); one missing for longer than the stale limit is listed as a gap.
 */
public final class WindowSelector {
  /** A hole larger than this is not bridged by gaps: the list restarts after it. */
  static final int MAX_GAP_RUN = 30;

  private final PlanSettings settings;

  public WindowSelector(PlanSettings settings) {
    this.settings = settings;
  }

  /** Empty when there is nothing to list (unknown stream, session or clip range): a 404. */
  public Optional<Window> select(PlaylistRequest request, StreamConfig config, List<IndexedSegment> items,
                                 List<SessionInfo> sessions) {
    List<IndexedSegment> candidates = new ArrayList<>();
    long newestEnd = 0;
    for (IndexedSegment s : items) {
      if (request.sessionId().isPresent() && !request.sessionId().get().equals(s.sessionId())) {
        continue;
      }
      if (request.startMs().isPresent() && s.capturedAtMs() < clampStart(request, config)) {
        continue;
      }
      if (request.endMs().isPresent() && s.capturedAtMs() >= request.endMs().getAsLong()) {
        continue;
      }
      candidates.add(s);
      newestEnd = Math.max(newestEnd, s.endMs());
    }
    if (candidates.isEmpty()) {
      return Optional.empty();
    }
    List<IndexedSegment> run = contiguous(candidates, request.nowMs());
    run = trim(run, request, config);
    while (run.size() > 1 && run.get(0).gap()) {
      run.remove(0);
    }
    List<String> renditions = commonRenditions(run);
    boolean audio = run.stream().filter(s -> !s.gap()).allMatch(s -> s.audio().isPresent())
        && run.stream().anyMatch(s -> !s.gap());
    if (renditions.isEmpty() && !audio) {
      return Optional.empty();
    }
    int boundS = boundTarget(run);
    int targetS = Math.max(boundS, longestRounded(run));
    IndexedSegment last = run.get(run.size() - 1);
    WindowState state;
    if (last.last() || (request.endMs().isPresent() && request.endMs().getAsLong() <= request.nowMs())) {
      state = WindowState.ENDED;
    } else if (request.nowMs() - newestEnd > (long) settings.staleFactor() * targetS * 1000) {
      state = WindowState.STALE;
    } else {
      state = WindowState.LIVE;
    }
    Map<String, SessionInfo> byId = new LinkedHashMap<>();
    for (SessionInfo s : sessions) {
      byId.put(s.sessionId(), s);
    }
    long discSeq = request.isVod() || request.isClip() ? 0 : discontinuitiesBefore(run.get(0), sessions);
    return Optional.of(new Window(request, run, state, discSeq, renditions, audio, targetS, targetS > boundS, byId));
  }

  private static long clampStart(PlaylistRequest request, StreamConfig config) {
    long start = request.startMs().getAsLong();
    if (config.dvrWindowS() > 0) {
      // A clip reaches back no further than the stream's DVR window.
      start = Math.max(start, request.nowMs() - config.dvrWindowS() * 1000L);
    }
    return start;
  }

  /** The longest run from the first candidate with no unresolved hole. */
  private List<IndexedSegment> contiguous(List<IndexedSegment> candidates, long nowMs) {
    List<IndexedSegment> run = new ArrayList<>();
    for (IndexedSegment s : candidates) {
      if (run.isEmpty()) {
        run.add(s);
        continue;
      }
      IndexedSegment prev = run.get(run.size() - 1);
      long missing = s.seq() - prev.seq() - 1;
      if (missing == 0) {
        run.add(s);
        continue;
      }
      if (missing > MAX_GAP_RUN) {
        run.clear();
        run.add(s);
        continue;
      }
      long limitMs = (long) settings.staleFactor() * s.targetDurationMs();
      if (nowMs - s.endMs() <= limitMs) {
        break; // still being transcoded: the live edge waits for it
      }
      long at = prev.endMs();
      for (long seq = prev.seq() + 1; seq < s.seq(); seq++) {
        run.add(new IndexedSegment(seq, prev.sessionId(), true, false, false, prev.targetDurationMs(), 0, at,
            prev.targetDurationMs(), Map.of(), Optional.empty(), prev.sessionOrdinal()));
        at += prev.targetDurationMs();
      }
      run.add(s);
    }
    return run;
  }

  private List<IndexedSegment> trim(List<IndexedSegment> run, PlaylistRequest request, StreamConfig config) {
    if (request.isVod() || request.isClip()) {
      return cap(run, settings.maxSegments());
    }
    int keep = settings.liveWindowSegments();
    if (config.dvrWindowS() > 0) {
      long from = run.get(run.size() - 1).endMs() - config.dvrWindowS() * 1000L;
      int inDvr = 0;
      for (IndexedSegment s : run) {
        if (s.capturedAtMs() >= from) {
          inDvr++;
        }
      }
      keep = Math.max(keep, inDvr);
    }
    return cap(run, Math.min(keep, settings.maxSegments()));
  }

  private static List<IndexedSegment> cap(List<IndexedSegment> run, int keep) {
    return run.size() <= keep ? run : new ArrayList<>(run.subList(run.size() - keep, run.size()));
  }

  /** Renditions every listed non-gap segment has, so switching rungs never misses a segment. */
  private static List<String> commonRenditions(List<IndexedSegment> run) {
    Map<String, Long> peak = null;
    for (IndexedSegment s : run) {
      if (s.gap()) {
        continue;
      }
      if (peak == null) {
        peak = new LinkedHashMap<>();
        for (var e : s.renditions().entrySet()) {
          peak.put(e.getKey(), 0L);
        }
      }
      peak.keySet().retainAll(s.renditions().keySet());
      for (var e : peak.entrySet()) {
        e.setValue(Math.max(e.getValue(), s.renditions().get(e.getKey()).peakBitsPerSecond(s.durationMs())));
      }
    }
    if (peak == null) {
      return List.of();
    }
    List<Map.Entry<String, Long>> sorted = new ArrayList<>(peak.entrySet());
    sorted.sort((a, b) -> a.getValue().equals(b.getValue()) ? a.getKey().compareTo(b.getKey())
        : Long.compare(b.getValue(), a.getValue()));
    return sorted.stream().map(Map.Entry::getKey).toList();
  }

  /**
   * EXT-X-TARGETDURATION (RFC 8216 4.3.3.1: at least every EXTINF rounded to the nearest integer,
   * and it MUST NOT change): fixed by the sessions' configured segment duration (constant for a
   * session: ingest cuts every chunk of a publish with the duration it started with) plus the cut
   * overrun bound, rounded the way EXTINF is. It depends on nothing a reload can add or slide out,
   * so every reload of a session's playlist carries the same value.
   */
  int boundTarget(List<IndexedSegment> run) {
    long target = 1;
    for (IndexedSegment s : run) {
      target = Math.max(target, (s.targetDurationMs() + settings.cutOverrunMs() + 500L) / 1000);
    }
    return (int) target;
  }

  /**
   * A segment past the bound (an encoder whose keyframe interval overruns the configured duration
   * by more than the bound) cannot be listed under the fixed target: no listing of it keeps both
   * rules. The target is then raised to the longest rounded EXTINF for as long as it is listed,
   * and the manifest is flagged ({@link Window#targetRaised()}) so the metric shows the encoder.
   */
  private static int longestRounded(List<IndexedSegment> run) {
    long longest = 1;
    for (IndexedSegment s : run) {
      longest = Math.max(longest, (s.durationMs() + 500) / 1000);
    }
    return (int) longest;
  }

  /**
   * EXT-X-DISCONTINUITY-SEQUENCE (RFC 8216 6.2.2): every session start before the first listed
   * segment, plus the first listed segment itself when it starts a session (its tag is not
   * written, so it is counted here and later playlists agree on its number) — that is, the
   * ordinal of the first listed segment's session. The transcoder records it on the item, so it
   * holds after session records expire by TTL; items written before that count session records.
   */
  static long discontinuitiesBefore(IndexedSegment first, List<SessionInfo> sessions) {
    if (first.sessionOrdinal().isPresent()) {
      return first.sessionOrdinal().getAsLong();
    }
    long n = 0;
    boolean firstStartsSession = first.discontinuity();
    for (SessionInfo s : sessions) {
      if (s.firstSeq() < first.seq()) {
        n++;
      } else if (s.firstSeq() == first.seq()) {
        firstStartsSession = true;
      }
    }
    return n + (firstStartsSession ? 1 : 0);
  }
}
