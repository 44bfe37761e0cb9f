package io.tributary.playlist.service;

import io.tributary.playlist.manifest.DashWriter;
import io.tributary.playlist.manifest.HlsWriter;
import io.tributary.playlist.plan.DashPlanner;
import io.tributary.playlist.plan.HlsPlanner;
import io.tributary.playlist.plan.IndexedSegment;
import io.tributary.playlist.plan.PlanSettings;
import io.tributary.playlist.plan.PlaylistRequest;
import io.tributary.playlist.plan.SessionInfo;
import io.tributary.playlist.plan.StreamConfig;
import io.tributary.playlist.plan.Track;
import io.tributary.playlist.plan.WindowSelector;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Renders a synthetic window through the planner and both writers at startup (no I/O), so the
 * first viewer does not pay class loading and interpretation of the manifest path. In Lambda
 * this runs in the init phase, which SnapStart snapshots.
 */
public final class Priming {
  private Priming() {}

  /** Returns the number of bytes rendered (so the work cannot be optimised away). */
  public static int run(int rounds) {
    long t0 = 1_700_000_000_000L;
    String session = "20231114T221320Z-primingx";
    List<IndexedSegment> items = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      items.add(new IndexedSegment(i, session, false, i == 0, false, 2000, i * 2000L, t0 + i * 2000L, 2000,
          Map.of("source", new Track(500_000, 0, "avc1.640028", 1280, 720, 30, 90_000, i * 180_000L, 180_000)),
          Optional.of(new Track(32_000, 0, "mp4a.40.2", 0, 0, 0, 48_000, i * 96_000L, 96_000))));
    }
    PlaylistRequest request = new PlaylistRequest("st_primingprimingprimi", Optional.empty(), OptionalLong.empty(),
        OptionalLong.empty(), Optional.empty(), t0 + 61_000);
    int bytes = 0;
    for (int r = 0; r < rounds; r++) {
      var w = new WindowSelector(PlanSettings.DEFAULT).select(request, StreamConfig.DEFAULT, items,
          List.of(new SessionInfo(session, 0, t0))).orElseThrow();
      bytes += HlsWriter.write(HlsPlanner.multivariant(w)).length();
      bytes += HlsWriter.write(HlsPlanner.media(w, "source")).length();
      bytes += DashWriter.write(DashPlanner.mpd(w)).length();
    }
    return bytes;
  }
}
