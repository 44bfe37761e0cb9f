package io.tributary.playlist.bench;

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
import io.tributary.playlist.plan.Window;
import io.tributary.playlist.plan.WindowSelector;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Manifest rendering cost (no I/O): a 2-hour DVR window (3,600 segments of 2 s, three video
 * rungs + audio) against baselines measured in the same run: a 6-segment live window, and copying
 * the same 3,600-segment playlist's bytes into a StringBuilder (the floor for producing them).
 * Run: see BENCHMARKS.md. SampleTime mode reports p50/p99/p99.9 per operation.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xms512m", "-Xmx512m"})
public class RenderBenchmark {
  static final long T0 = 1_764_100_000_000L;
  static final String SESSION = "20251125T194640Z-aaaaaaaa";

  Window dvr;
  Window live;
  List<IndexedSegment> dvrItems;
  List<SessionInfo> sessions;
  StreamConfig dvrConfig;
  PlaylistRequest request;
  String dvrText;

  static List<IndexedSegment> items(int n) {
    List<IndexedSegment> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      Map<String, Track> r = new LinkedHashMap<>();
      r.put("source", new Track(1_500_000, 0, "avc1.640028", 1920, 1080, 30, 90_000, i * 180_000L, 180_000));
      r.put("720p", new Track(700_000, 0, "avc1.64001f", 1280, 720, 30, 90_000, i * 180_000L, 180_000));
      r.put("360p", new Track(200_000, 0, "avc1.4d401e", 640, 360, 30, 90_000, i * 180_000L, 180_000));
      out.add(new IndexedSegment(1000 + i, SESSION, false, i == 0, false, 2000, i * 2000L, T0 + i * 2000L, 2000, r,
          Optional.of(new Track(32_000, 0, "mp4a.40.2", 0, 0, 0, 48_000, i * 96_000L, 96_000))));
    }
    return out;
  }

  @Setup
  public void setup() {
    dvrItems = items(3600);
    sessions = List.of(new SessionInfo(SESSION, 1000, T0));
    request = new PlaylistRequest("st_abcdefghijklmnopqrst", Optional.empty(), OptionalLong.empty(), OptionalLong.empty(),
        Optional.empty(), T0 + 3600 * 2000L + 500);
    dvrConfig = new StreamConfig(false, 7200, 2000);
    WindowSelector selector = new WindowSelector(PlanSettings.DEFAULT);
    dvr = selector.select(request, dvrConfig, dvrItems, sessions).orElseThrow();
    if (dvr.segments().size() != 3600) {
      throw new IllegalStateException("DVR window lists " + dvr.segments().size());
    }
    live = selector.select(request, StreamConfig.DEFAULT, dvrItems.subList(3590, 3600), sessions).orElseThrow();
    dvrText = HlsWriter.write(HlsPlanner.media(dvr, "720p"));
  }

  /** The target: a 2-hour DVR media playlist from a ready window (≤ 1 ms p99). */
  @Benchmark
  public String dvrMediaPlaylist() {
    return HlsWriter.write(HlsPlanner.media(dvr, "720p"));
  }

  /** The whole pure request path for the DVR playlist: window selection over 3,600 items + render. */
  @Benchmark
  public String dvrSelectAndRender() {
    Window w = new WindowSelector(PlanSettings.DEFAULT).select(request, dvrConfig, dvrItems, sessions).orElseThrow();
    return HlsWriter.write(HlsPlanner.media(w, "720p"));
  }

  @Benchmark
  public String dvrMpd() {
    return DashWriter.write(DashPlanner.mpd(dvr));
  }

  /** Baseline 1: a 6-segment live window. */
  @Benchmark
  public String liveMediaPlaylist() {
    return HlsWriter.write(HlsPlanner.media(live, "720p"));
  }

  /** Baseline 2: producing the same ~250 kB of playlist text with no logic at all. */
  @Benchmark
  public String copySameBytes() {
    return new StringBuilder(dvrText.length()).append(dvrText).toString();
  }
}
