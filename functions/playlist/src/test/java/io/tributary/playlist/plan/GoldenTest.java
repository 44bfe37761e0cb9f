package io.tributary.playlist.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.playlist.manifest.DashWriter;
import io.tributary.playlist.manifest.HlsValidator;
import io.tributary.playlist.manifest.HlsWriter;
import io.tributary.playlist.manifest.MpdValidator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden files: {@code src/test/resources/golden/<case>/{input.json, expected.m3u8, expected.mpd}}.
 * {@code expected.m3u8} holds the multivariant playlist and every media playlist, each after a
 * {@code ### <name>} line. Run with {@code -Dgolden.update=true} to rewrite them, then review the diff.
 */
class GoldenTest {
  private static final boolean UPDATE = Boolean.getBoolean("golden.update");
  private static final List<String> OPTIONAL_HLS_TAGS = List.of("#EXT-X-INDEPENDENT-SEGMENTS", "#EXT-X-MEDIA:",
      "AVERAGE-BANDWIDTH=", "RESOLUTION=", "FRAME-RATE=", "AUDIO=", "DEFAULT=YES", "AUTOSELECT=YES",
      "#EXT-X-DISCONTINUITY\n", "#EXT-X-DISCONTINUITY-SEQUENCE:", "#EXT-X-PROGRAM-DATE-TIME:", "#EXT-X-GAP",
      "#EXT-X-ENDLIST", "#EXT-X-PLAYLIST-TYPE:EVENT", "#EXT-X-PLAYLIST-TYPE:VOD", "token=", "start=", "end=",
      "../../live/");
  private static final List<String> OPTIONAL_MPD_PARTS = List.of("type=\"dynamic\"", "type=\"static\"",
      "minimumUpdatePeriod=", "timeShiftBufferDepth=", "suggestedPresentationDelay=", "mediaPresentationDuration=",
      "availabilityStartTime=", "<UTCTiming", "presentationTimeOffset=", " r=\"", "contentType=\"audio\"",
      "contentType=\"video\"", "frameRate=", "audioSamplingRate=", "width=", "<Representation id=\"source\" bandwidth=\"",
      "        <SegmentTemplate", "token=");

  static Stream<String> cases() {
    return GoldenCase.names().stream();
  }

  /** Renders every manifest of a case, validating each mechanically on the way. */
  static String[] render(GoldenCase c) {
    Window w = new WindowSelector(PlanSettings.DEFAULT).select(c.request(), c.config(), c.segments(), c.sessions())
        .orElseThrow(() -> new AssertionError(c.name() + ": nothing to list"));
    StringBuilder hls = new StringBuilder();
    String master = HlsWriter.write(HlsPlanner.multivariant(w));
    HlsValidator.multivariant(master);
    hls.append("### master.m3u8\n").append(master);
    List<String> names = new ArrayList<>(w.renditions());
    if (w.audio()) {
      names.add("audio");
    }
    for (String r : names) {
      String media = HlsWriter.write(HlsPlanner.media(w, r));
      HlsValidator.media(media);
      hls.append("### ").append(r).append(".m3u8\n").append(media);
    }
    hls.append("### cache-control max-age=").append(w.maxAgeSeconds(PlanSettings.DEFAULT)).append('\n');
    String mpd = DashWriter.write(DashPlanner.mpd(w));
    MpdValidator.validate(mpd, gapSeqs(w));
    return new String[] {hls.toString(), mpd};
  }

  /** Seqs the window lists as EXT-X-GAP: no MPD may address them. */
  static Set<Long> gapSeqs(Window w) {
    return w.segments().stream().filter(IndexedSegment::gap).map(IndexedSegment::seq).collect(Collectors.toSet());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void matchesGolden(String name) throws IOException {
    String[] out = render(GoldenCase.load(name));
    Path dir = GoldenCase.DIR.resolve(name);
    compare(dir.resolve("expected.m3u8"), out[0]);
    compare(dir.resolve("expected.mpd"), out[1]);
  }

  /** A writer bug on an untested tag is the classic failure: every optional part shows up somewhere. */
  @Test
  void everyOptionalTagAppearsInSomeGolden() throws IOException {
    StringBuilder all = new StringBuilder();
    StringBuilder mpds = new StringBuilder();
    for (String name : GoldenCase.names()) {
      String[] out = render(GoldenCase.load(name));
      all.append(out[0]);
      mpds.append(out[1]);
    }
    for (String tag : OPTIONAL_HLS_TAGS) {
      assertTrue(all.indexOf(tag) >= 0, "no golden case renders " + tag);
    }
    for (String part : OPTIONAL_MPD_PARTS) {
      assertTrue(mpds.indexOf(part) >= 0, "no golden MPD renders " + part);
    }
  }

  private static void compare(Path expected, String actual) throws IOException {
    if (UPDATE || !Files.exists(expected)) {
      Files.writeString(expected, actual);
      if (!UPDATE) {
        throw new AssertionError("golden file " + expected + " was missing and has been written: review and rerun");
      }
      return;
    }
    assertEquals(Files.readString(expected), actual, "differs from " + expected + " (rerun with -Dgolden.update=true"
        + " to rewrite, then review the diff)");
  }
}
