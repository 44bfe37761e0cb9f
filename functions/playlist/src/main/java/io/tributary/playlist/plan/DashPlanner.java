package io.tributary.playlist.plan;

import io.tributary.playlist.manifest.AdaptationSet;
import io.tributary.playlist.manifest.Mpd;
import io.tributary.playlist.manifest.Period;
import io.tributary.playlist.manifest.Representation;
import io.tributary.playlist.manifest.SegmentTemplate;
import io.tributary.playlist.manifest.TimelineEntry;
import io.tributary.playlist.manifest.UtcTiming;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Builds the MPD from a {@link Window}: one Period per session, SegmentTemplate + SegmentTimeline
 * addressed by {@code $Number$} = seq over the same CMAF files HLS lists.
 *
 * <p>Dynamic MPDs use availabilityStartTime = 1970-01-01 and Period@start = the session's start
 * (epoch), so Period starts never move while the window slides (ISO/IEC 23009-1 5.3.2.1: a
 * Period keeps its id and start across updates).
 *
 * <p>Gaps (EXT-X-GAP in HLS) are never listed: a listed segment that does not exist is a 404 for
 * a DASH client. A hole in a SegmentTimeline (an S with an explicit {@code @t}, 5.3.9.6) would
 * shift {@code $Number$} (startNumber + index; S@n of the 5th edition is ignored by dash.js), so
 * a session is cut at its gaps instead:
 * <ul>
 *   <li>static MPDs (ended sessions, clips): each gap-free stretch is its own Period, starting
 *       where its first segment starts (the presentation starts at the first listed segment), so
 *       the hole lies between Periods and every stretch's startNumber is its own first seq;
 *   <li>dynamic MPDs list, per session, only the stretch after the session's last gap (trailing
 *       gaps at the live edge are simply not listed yet). The Period keeps the session's id and
 *       start; its timeline just loses the segments before the gap. Giving the later stretch a
 *       Period of its own would need its id to survive the gap sliding out of the window, which
 *       the window alone cannot tell; a Period that changes id under a playing client stalls it.
 *       The cost: a DASH viewer cannot seek back past a gap of the current session (HLS can).
 * </ul>
 */
public final class DashPlanner {
  static final String MEDIA = "$RepresentationID$/$Number$.m4s";

  private DashPlanner() {}

  public static Mpd mpd(Window w) {
    PlaylistRequest req = w.request();
    boolean dynamic = w.state() == WindowState.LIVE;
    List<Period> periods = new ArrayList<>();
    List<List<IndexedSegment>> sessions = sessions(w);
    // Static presentations start at their first listed segment; dynamic ones at the epoch.
    long base = dynamic ? 0 : firstListedAt(w, sessions);
    long previousEnd = 0;
    for (List<IndexedSegment> run : sessions) {
      long anchor = anchor(w, run);
      List<List<IndexedSegment>> stretches = stretches(run);
      if (dynamic && !stretches.isEmpty()) {
        stretches = List.of(stretches.get(stretches.size() - 1));
      }
      for (int k = 0; k < stretches.size(); k++) {
        List<IndexedSegment> stretch = stretches.get(k);
        IndexedSegment first = stretch.get(0);
        IndexedSegment last = stretch.get(stretch.size() - 1);
        // A dynamic Period starts at session-timeline zero, which never moves while the window
        // slides; a static one (never updated) where its first segment starts.
        long offsetMs = dynamic ? 0 : first.startMs();
        long start = Math.max(anchor + offsetMs - base, previousEnd); // Periods never overlap (5.3.2.1)
        List<AdaptationSet> sets = new ArrayList<>();
        if (!w.renditions().isEmpty()) {
          sets.add(adaptationSet(w, stretch, offsetMs, 1, "video", w.renditions()));
        }
        if (w.audio()) {
          sets.add(adaptationSet(w, stretch, offsetMs, 2, "audio", List.of(IndexedSegment.AUDIO)));
        }
        // Period ids: the session id is stable while its segments slide through the window; a
        // later stretch (static MPDs only, which never update) is named by its first seq.
        periods.add(new Period(k == 0 ? first.sessionId() : first.sessionId() + "-" + first.seq(), start, sets));
        previousEnd = start + last.startMs() + last.durationMs() - offsetMs;
      }
    }
    long totalMs = previousEnd;
    // DASH has no target duration to keep above every segment: its timing follows the configured
    // segment duration (whole seconds, as before), so HLS's cut overrun bound adds no DASH latency.
    int targetMs = configuredSeconds(w) * 1000;
    long windowMs = 0;
    for (IndexedSegment s : w.segments()) {
      windowMs += s.durationMs();
    }
    if (dynamic) {
      return new Mpd(true, OptionalLong.of(0), req.nowMs(), OptionalLong.of(Math.max(1000, targetMs / 2)),
          OptionalLong.of(windowMs), OptionalLong.of(3L * targetMs), targetMs, OptionalLong.empty(),
          Optional.of(new UtcTiming(UtcTiming.DIRECT, isoNow(req.nowMs()))), periods);
    }
    return new Mpd(false, OptionalLong.empty(), req.nowMs(), OptionalLong.empty(), OptionalLong.empty(),
        OptionalLong.empty(), targetMs, OptionalLong.of(totalMs), Optional.empty(), periods);
  }

  private static int configuredSeconds(Window w) {
    int ms = 1000;
    for (IndexedSegment s : w.segments()) {
      ms = Math.max(ms, s.targetDurationMs());
    }
    return (ms + 999) / 1000;
  }

  /** Session-anchored wall-clock start of the first segment that is not a gap. */
  private static long firstListedAt(Window w, List<List<IndexedSegment>> sessions) {
    for (List<IndexedSegment> run : sessions) {
      for (IndexedSegment s : run) {
        if (!s.gap()) {
          return anchor(w, run) + s.startMs();
        }
      }
    }
    throw new IllegalStateException("a window lists at least one segment that is not a gap");
  }

  /** The gap-free stretches of one session's listed segments, in order; gaps belong to none. */
  static List<List<IndexedSegment>> stretches(List<IndexedSegment> run) {
    List<List<IndexedSegment>> out = new ArrayList<>();
    List<IndexedSegment> current = new ArrayList<>();
    for (IndexedSegment s : run) {
      if (s.gap()) {
        if (!current.isEmpty()) {
          out.add(current);
          current = new ArrayList<>();
        }
      } else {
        current.add(s);
      }
    }
    if (!current.isEmpty()) {
      out.add(current);
    }
    return out;
  }

  private static String isoNow(long nowMs) {
    return java.time.Instant.ofEpochMilli(nowMs).toString();
  }

  /** Consecutive listed segments of one session. */
  private static List<List<IndexedSegment>> sessions(Window w) {
    List<List<IndexedSegment>> runs = new ArrayList<>();
    List<IndexedSegment> segs = w.segments();
    for (int i = 0; i < segs.size(); i++) {
      if (i == 0 || w.discontinuityAt(i)) {
        runs.add(new ArrayList<>());
      }
      runs.get(runs.size() - 1).add(segs.get(i));
    }
    return runs;
  }

  /**
   * Wall-clock time of session-timeline zero: the session's recorded start when known, else
   * derived from the first listed segment (capture time minus its session offset).
   */
  private static long anchor(Window w, List<IndexedSegment> run) {
    SessionInfo info = w.sessions().get(run.get(0).sessionId());
    if (info != null) {
      return info.startedAtMs();
    }
    IndexedSegment first = run.get(0);
    return Math.max(0, first.capturedAtMs() - first.startMs());
  }

  private static AdaptationSet adaptationSet(Window w, List<IndexedSegment> run, long offsetMs, int id,
                                             String type, List<String> names) {
    PlaylistRequest req = w.request();
    String q = req.segmentQuery();
    String sessionId = run.get(0).sessionId();
    String init = req.mediaPrefix() + "$RepresentationID$/init-" + sessionId + ".mp4" + q;
    String media = req.mediaPrefix() + MEDIA + q;
    List<SegmentTemplate> templates = new ArrayList<>();
    for (String name : names) {
      templates.add(template(run, offsetMs, name, init, media));
    }
    boolean shared = templates.stream().allMatch(t -> t.equals(templates.get(0)));
    List<Representation> reps = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      String name = names.get(i);
      Track t = HlsPlanner.latest(w, name);
      Rates rates = Rates.of(w, name);
      boolean video = type.equals("video");
      reps.add(new Representation(name, rates.peak(), t.codecs(),
          video && t.width() > 0 ? OptionalInt.of(t.width()) : OptionalInt.empty(),
          video && t.height() > 0 ? OptionalInt.of(t.height()) : OptionalInt.empty(),
          video && t.frameRate() > 0 ? Optional.of(frameRate(t.frameRate())) : Optional.empty(),
          !video && t.timescale() >= 8000 && t.timescale() <= 192_000 ? OptionalInt.of((int) t.timescale())
              : OptionalInt.empty(),
          shared ? Optional.empty() : Optional.of(templates.get(i))));
    }
    return new AdaptationSet(id, type, type + "/mp4", shared ? Optional.of(templates.get(0)) : Optional.empty(), reps);
  }

  /**
   * The SegmentTimeline of one rendition over one gap-free stretch, so $Number$ = startNumber +
   * index = seq. A segment whose track is missing or on another timescale (never for a rendition
   * the window lists) keeps its slot with its nominal duration for the same reason.
   *
   * @param offsetMs where the Period starts on the session timeline: 0, or the stretch's first
   *     segment for a later stretch of a static MPD
   */
  static SegmentTemplate template(List<IndexedSegment> run, long offsetMs, String rendition, String init,
                                  String media) {
    long timescale = 0;
    for (IndexedSegment s : run) {
      Optional<Track> t = s.track(rendition);
      if (t.isPresent()) {
        timescale = t.get().timescale();
        break;
      }
    }
    List<TimelineEntry> entries = new ArrayList<>();
    long pto = -1;
    long end = -1;
    long curT = -1;
    long curD = -1;
    int curR = -1;
    boolean curExplicit = false;
    for (IndexedSegment s : run) {
      Optional<Track> track = s.track(rendition);
      long t;
      long d;
      if (track.isPresent() && track.get().timescale() == timescale) {
        t = track.get().decodeTime();
        d = track.get().durationTs();
      } else {
        t = end >= 0 ? end : s.startMs() * timescale / 1000;
        d = s.durationMs() * timescale / 1000;
      }
      if (d <= 0) {
        d = Math.max(1, s.durationMs() * timescale / 1000);
      }
      if (pto < 0) {
        // Media time at session-timeline zero, floored to a whole second: the transcoder's tfdt
        // may sit on the AAC sample grid (±1 frame around startMs), and the value must not move
        // between MPD updates as the window slides (ISO/IEC 23009-1 5.3.9.2 @presentationTimeOffset).
        long offset = t - s.startMs() * timescale / 1000;
        pto = (offset <= 0 ? 0 : offset / timescale * timescale) + offsetMs * timescale / 1000;
      }
      if (curR >= 0 && t == end && d == curD) {
        curR++;
      } else {
        if (curR >= 0) {
          entries.add(new TimelineEntry(curExplicit ? OptionalLong.of(curT) : OptionalLong.empty(), curD, curR));
        }
        curExplicit = t != end;
        curT = t;
        curD = d;
        curR = 0;
      }
      end = t + d;
    }
    entries.add(new TimelineEntry(curExplicit ? OptionalLong.of(curT) : OptionalLong.empty(), curD, curR));
    return new SegmentTemplate(timescale, init, media, run.get(0).seq(), pto, entries);
  }

  /** FrameRateType (ISO/IEC 23009-1 5.3.12.2): an integer, or a fraction for NTSC rates. */
  static String frameRate(double fps) {
    long whole = Math.round(fps);
    if (Math.abs(fps - whole) < 0.001) {
      return Long.toString(whole);
    }
    long ntsc = Math.round(fps * 1.001);
    if (Math.abs(fps - ntsc / 1.001) < 0.001) {
      return (ntsc * 1000) + "/1001";
    }
    return Math.round(fps * 1000) + "/1000";
  }
}
