package io.tributary.playlist.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.playlist.manifest.HlsValidator;
import io.tributary.playlist.manifest.HlsWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** EXT-X-TARGETDURATION from the configured duration and the cut overrun bound (RFC 8216 4.3.3.1). */
class TargetDurationTest {
  private static final long T0 = 1_764_100_000_000L;
  private static final String A = "20251125T194640Z-aaaaaaaa";

  private static Window window(PlanSettings settings, int configuredMs, long... durations) {
    List<IndexedSegment> segs = new ArrayList<>();
    long start = 0;
    for (int i = 0; i < durations.length; i++) {
      long d = durations[i];
      Map<String, Track> r = Map.of("360p", new Track(100_000, 0, "avc1.4d401e", 640, 360, 30, 90_000, start * 90, d * 90));
      segs.add(new IndexedSegment(i, A, false, i == 0, false, d, start, T0 + start, configuredMs, r, Optional.empty()));
      start += d;
    }
    PlaylistRequest req = new PlaylistRequest("st_abcdefghijklmnopqrst", Optional.empty(), OptionalLong.empty(),
        OptionalLong.empty(), Optional.empty(), T0 + start + 1000);
    Window w = new WindowSelector(settings).select(req, StreamConfig.DEFAULT, segs, List.of()).orElseThrow();
    HlsValidator.media(HlsWriter.write(HlsPlanner.media(w, "360p")));
    return w;
  }

  private static PlanSettings overrun(int ms) {
    PlanSettings d = PlanSettings.DEFAULT;
    return new PlanSettings(d.liveWindowSegments(), d.maxSegments(), d.staleFactor(), d.endedMaxAgeS(), ms);
  }

  @Test
  void fixedByTheConfiguredDurationAndTheBoundNotByTheSegments() {
    assertEquals(3, window(overrun(1000), 2000, 2000, 2000, 2000).targetDurationS());
    assertEquals(3, window(overrun(1000), 2000, 2000, 3490, 1100).targetDurationS());
    assertEquals(7, window(overrun(1000), 6000, 6000, 6000, 6000).targetDurationS());
    // 2.5 s configured: segments up to 3.999 s round to at most 4.
    assertEquals(4, window(overrun(1000), 2500, 2500, 2500, 2500).targetDurationS());
  }

  @Test
  void theDefaultBoundKeepsTheLowestTargetForEncodersKeyedAtTheSegmentDuration() {
    Window w = window(PlanSettings.DEFAULT, 2000, 2000, 2033, 2499);
    assertEquals(2, w.targetDurationS());
    assertFalse(w.targetRaised());
    assertEquals(6, window(PlanSettings.DEFAULT, 6000, 6000, 6400, 5600).targetDurationS());
  }

  @Test
  void aSegmentPastTheBoundRaisesTheTargetAndIsFlagged() {
    Window inBound = window(overrun(1000), 2000, 2000, 3000, 2000);
    assertFalse(inBound.targetRaised());
    Window overlong = window(overrun(1000), 2000, 2000, 4200, 2000);
    assertEquals(4, overlong.targetDurationS(), "EXTINF 4.2 rounds to 4: the target must cover it");
    assertTrue(overlong.targetRaised());
  }
}
