package io.tributary.playlist.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.playlist.manifest.DashWriter;
import io.tributary.playlist.manifest.HlsValidator;
import io.tributary.playlist.manifest.HlsWriter;
import io.tributary.playlist.manifest.MpdValidator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/**
 * A live stream replayed second by second — a session, a reconnect, a segment finishing out of
 * order, a failed one — with every reload of the media playlist and the MPD checked against the
 * previous one (RFC 8216 6.2.2 numbering, ISO/IEC 23009-1 Period and timeline stability).
 */
class LiveReloadTest {
  private static final long T0 = 1_764_100_000_000L;
  private static final String A = "20251125T194640Z-aaaaaaaa";
  private static final String B = "20251125T194740Z-bbbbbbbb";

  private record Arrival(long atMs, IndexedSegment segment) {}

  private static IndexedSegment seg(long seq, String session, long firstSeq, long sessionStart, long startMs,
                                    long durMs, boolean last, boolean gap, OptionalLong ordinal) {
    long i = seq - firstSeq;
    long captured = sessionStart + startMs;
    Map<String, Track> r = gap ? Map.of() : Map.of(
        "source", new Track(500_000, 0, "avc1.640028", 1920, 1080, 30, 90_000, 135_000 + startMs * 90, durMs * 90),
        "360p", new Track(200_000, 0, "avc1.4d401e", 640, 360, 30, 90_000, 135_000 + startMs * 90, durMs * 90));
    Optional<Track> audio = gap ? Optional.empty()
        // AAC on its 1024-sample grid: tfdt within one frame of startMs, as the transcoder writes it;
        // video tfdt 1.5 s after session zero (an encoder whose timestamps do not start at 0).
        : Optional.of(new Track(32_000, 0, "mp4a.40.2", 0, 0, 0, 48_000, startMs * 48 + (i % 3) * 1024,
            durMs * 48 + ((i + 1) % 3 - i % 3) * 1024));
    return new IndexedSegment(seq, session, gap, seq == firstSeq, last, durMs, startMs, captured, 2000, r, audio,
        ordinal);
  }

  /**
   * Cut lengths of session A: a keyframe 0.9 s late (seq 7), a short catch-up (seq 8), one 0.45 s
   * late (seq 11), for an encoder whose keyframes do not divide the segment duration and a 1 s
   * overrun bound. Each fits the fixed target (2 s configured + 1 s bound = 3); the
   * target used to follow the longest segment in the window and changed as seq 7 came and went.
   */
  private static long durationOfA(long seq) {
    return seq == 7 ? 2900 : seq == 8 ? 1100 : seq == 11 ? 2450 : 2000;
  }

  @Test
  void everyReloadIsConsistentWithThePreviousOne() {
    replay(false);
  }

  /**
   * Session A's record expires by TTL while A's last segments are still listed. With the session
   * ordinal on the items the discontinuity sequence does not move; counted from session records
   * it dropped by one at that reload.
   */
  @Test
  void theDiscontinuitySequenceSurvivesExpiredSessionRecords() {
    replay(true);
  }

  private static void replay(boolean ordinals) {
    OptionalLong ordinalA = ordinals ? OptionalLong.of(1) : OptionalLong.empty();
    OptionalLong ordinalB = ordinals ? OptionalLong.of(2) : OptionalLong.empty();
    List<Arrival> arrivals = new ArrayList<>();
    long startMs = 0;
    for (long s = 0; s <= 14; s++) {
      long dur = durationOfA(s);
      arrivals.add(new Arrival(T0 + startMs + dur + 1500, seg(s, A, 0, T0, startMs, dur, s == 14, false, ordinalA)));
      startMs += dur;
    }
    long tb = T0 + startMs + 4000;
    for (long s = 15; s <= 40; s++) {
      long ready = tb + (s - 15) * 2000 + 2000 + 1500;
      if (s == 20) {
        ready += 3000; // transcoded after 21 finished
      }
      if (s == 30) {
        continue; // never arrives: listed as a gap once 31 is old enough
      }
      arrivals.add(new Arrival(ready, seg(s, B, 15, tb, (s - 15) * 2000, 2000, false, s == 25, ordinalB)));
    }
    PlanSettings d = PlanSettings.DEFAULT;
    PlanSettings settings = new PlanSettings(d.liveWindowSegments(), d.maxSegments(), d.staleFactor(),
        d.endedMaxAgeS(), 1000);
    WindowSelector selector = new WindowSelector(settings);
    HlsValidator.Media prevHls = null;
    MpdValidator.Parsed prevMpd = null;
    int reloads = 0;
    int discontinuitiesSeen = 0;
    boolean sawGap30 = false;
    boolean dashAfterGap25 = false;
    boolean listedAfterExpiry = false;
    for (long now = T0 + 3000; now < tb + 27 * 2000 + 2000; now += 1000) {
      List<IndexedSegment> index = new ArrayList<>();
      for (Arrival a : arrivals) {
        if (a.atMs() <= now) {
          index.add(a.segment());
        }
      }
      index.sort((x, y) -> Long.compare(x.seq(), y.seq()));
      if (index.isEmpty()) {
        continue;
      }
      List<SessionInfo> sessions = new ArrayList<>();
      boolean expired = ordinals && now >= tb + 6000;
      if (!expired) {
        sessions.add(new SessionInfo(A, 0, T0));
      }
      if (now >= tb) {
        sessions.add(new SessionInfo(B, 15, tb));
      }
      PlaylistRequest req = new PlaylistRequest("st_abcdefghijklmnopqrst", Optional.empty(), OptionalLong.empty(),
          OptionalLong.empty(), Optional.empty(), now);
      Window w = selector.select(req, StreamConfig.DEFAULT, index, sessions).orElseThrow();
      String text = HlsWriter.write(HlsPlanner.media(w, "360p"));
      HlsValidator.Media hls = HlsValidator.media(text);
      MpdValidator.Parsed mpd = MpdValidator.validate(DashWriter.write(DashPlanner.mpd(w)), GoldenTest.gapSeqs(w));
      assertEquals(3, hls.targetDuration(), "EXT-X-TARGETDURATION of every reload (RFC 8216 4.3.3.1)");
      if (prevHls != null && !prevHls.endList() && !hls.endList()) {
        HlsValidator.checkReload(prevHls, hls);
      }
      if (prevMpd != null && prevMpd.dynamic() && mpd.dynamic()) {
        MpdValidator.checkUpdate(prevMpd, mpd);
      }
      if (text.contains("#EXT-X-DISCONTINUITY\n")) {
        discontinuitiesSeen++;
      }
      assertTrue(hls.segments().size() <= settings.liveWindowSegments());
      listedAfterExpiry |= expired && w.first().sessionId().equals(A);
      sawGap30 |= hls.segments().stream().anyMatch(s -> s.gap() && s.uri().endsWith("/30.m4s"));
      // DASH lists the media after a gap (a new startNumber) rather than dropping the Period.
      boolean hlsGap25 = hls.segments().stream().anyMatch(s -> s.gap() && s.uri().endsWith("/25.m4s"));
      dashAfterGap25 |= hlsGap25 && mpd.segments().stream().anyMatch(a -> a.number() == 26);
      prevHls = hls;
      prevMpd = mpd;
      reloads++;
    }
    assertTrue(reloads > 60, "replayed " + reloads + " reloads");
    assertTrue(discontinuitiesSeen > 0, "the reconnect showed as a discontinuity");
    // Two sessions started before the final window.
    assertEquals(2, prevHls.discontinuitySequence());
    assertTrue(sawGap30, "seq 30 never arrived and was listed as a gap once 31 was old enough");
    assertTrue(dashAfterGap25, "the MPD went on after the failed seq 25 while HLS listed it as a gap");
    assertEquals(ordinals, listedAfterExpiry, "session A was still listed after its record expired");
  }
}
