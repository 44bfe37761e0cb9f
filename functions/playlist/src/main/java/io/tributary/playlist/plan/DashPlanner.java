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
 * Period keeps its id and start across updates). Gaps stay in the timeline so numbering holds.
 */
public final class DashPlanner {
  static final String MEDIA = "$RepresentationID$/$Number$.m4s";

  private DashPlanner() {}

  public static Mpd mpd(Window w) {
    PlaylistRequest req = w.request();
    List<List<IndexedSegment>> runs = sessions(w);
    boolean dynamic = w.state() == WindowState.LIVE;
    List<Period> periods = new ArrayList<>();
    long firstAnchor = anchor(w, runs.get(0));
    long previousEnd = 0;
    long totalMs = 0;
    for (List<IndexedSegment> run : runs) {
      long anchor = anchor(w, run);
      long start = dynamic ? anchor : anchor - firstAnchor;
      start = Math.max(start, previousEnd); // Periods never overlap (5.3.2.1)
      IndexedSegment first = run.get(0);
      List<AdaptationSet> sets = new ArrayList<>();
      if (!w.renditions().isEmpty()) {
        sets.add(adaptationSet(w, run, 1, "video", w.renditions()));
      }
      if (w.audio()) {
        sets.add(adaptationSet(w, run, 2, "audio", List.of(IndexedSegment.AUDIO)));
      }
      long runMs = 0;
      for (IndexedSegment s : run) {
        runMs += s.durationMs();
      }
      // Period ids: the session id is stable while its segments slide through the window.
      periods.add(new Period(first.sessionId(), start, sets));
      previousEnd = start + runMs;
      totalMs = previousEnd;
    }
    int targetMs = w.targetDurationS() * 1000;
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

  private static AdaptationSet adaptationSet(Window w, List<IndexedSegment> run, int id, String type,
                                             List<String> names) {
    PlaylistRequest req = w.request();
    String q = req.segmentQuery();
    String sessionId = run.get(0).sessionId();
    String init = req.mediaPrefix() + "$RepresentationID$/init-" + sessionId + ".mp4" + q;
    String media = req.mediaPrefix() + MEDIA + q;
    List<SegmentTemplate> templates = new ArrayList<>();
    for (String name : names) {
      templates.add(template(run, name, init, media));
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
   * The SegmentTimeline of one rendition over one session run. Segments without the track (gaps)
   * keep their slot with their nominal duration, so $Number$ stays equal to seq.
   */
  static SegmentTemplate template(List<IndexedSegment> run, String rendition, String init, String media) {
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
        pto = offset <= 0 ? 0 : offset / timescale * timescale;
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
