package io.tributary.playlist.manifest;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The compact constructors refuse what the specs forbid, naming the rule and the values. */
class ModelRulesTest {
  private static MediaSegment seg(String uri, long ms, boolean disc, String map) {
    return new MediaSegment(uri, ms, disc, Optional.ofNullable(map), OptionalLong.empty(), false);
  }

  @Test
  void targetDurationBoundsEveryRoundedExtinf() {
    var e = assertThrows(InvalidManifestException.class, () -> new MediaPlaylist(7, 2, 0, 0, Optional.empty(), true,
        List.of(seg("a/1.m4s", 2_600, false, "a/init.mp4")), false));
    assertTrue(e.getMessage().contains("2600") && e.getMessage().contains("4.3.3.1"), e.getMessage());
    // 2.499 s rounds to 2: allowed
    new MediaPlaylist(7, 2, 0, 0, Optional.empty(), true, List.of(seg("a/1.m4s", 2_499, false, "a/init.mp4")), false);
  }

  @Test
  void mapAtStartAndAfterEveryDiscontinuity() {
    assertThrows(InvalidManifestException.class, () -> new MediaPlaylist(7, 2, 0, 0, Optional.empty(), true,
        List.of(seg("a/1.m4s", 2_000, false, null)), false));
    assertThrows(InvalidManifestException.class, () -> new MediaPlaylist(7, 2, 0, 0, Optional.empty(), true,
        List.of(seg("a/1.m4s", 2_000, false, "a/i1.mp4"), seg("a/2.m4s", 2_000, true, null)), false));
    assertThrows(InvalidManifestException.class, () -> new MediaPlaylist(5, 2, 0, 0, Optional.empty(), true,
        List.of(seg("a/1.m4s", 2_000, false, "a/i1.mp4")), false));
  }

  @Test
  void vodNeedsEndlist() {
    assertThrows(InvalidManifestException.class, () -> new MediaPlaylist(7, 2, 0, 0, Optional.of(PlaylistType.VOD),
        true, List.of(seg("a/1.m4s", 2_000, false, "a/i.mp4")), false));
  }

  @Test
  void variantRules() {
    assertThrows(InvalidManifestException.class, () -> new VariantStream("a.m3u8", 100, OptionalLong.of(200), "avc1",
        Optional.empty(), OptionalDouble.empty(), Optional.empty()));
    assertThrows(InvalidManifestException.class, () -> new VariantStream("a.m3u8", 100, OptionalLong.empty(),
        "avc1\"", Optional.empty(), OptionalDouble.empty(), Optional.empty()));
    var v = new VariantStream("a.m3u8", 100, OptionalLong.empty(), "avc1", Optional.empty(), OptionalDouble.empty(),
        Optional.of("aud"));
    assertThrows(InvalidManifestException.class, () -> new MultivariantPlaylist(7, true, List.of(), List.of(v)));
    assertThrows(InvalidManifestException.class, () -> new AudioRendition("aud", "x", "a.m3u8", true, false));
  }

  @Test
  void mpdRules() {
    var tpl = new SegmentTemplate(90_000, "i.mp4", "$Number$.m4s", 1, 0,
        List.of(new TimelineEntry(OptionalLong.of(0), 180_000, 0)));
    var rep = new Representation("v", 1000, "avc1", java.util.OptionalInt.empty(), java.util.OptionalInt.empty(),
        Optional.empty(), java.util.OptionalInt.empty(), Optional.empty());
    var set = new AdaptationSet(1, "video", "video/mp4", Optional.of(tpl), List.of(rep));
    var period = new Period("p", 0, List.of(set));
    assertThrows(InvalidManifestException.class, () -> new Mpd(true, OptionalLong.empty(), 0, OptionalLong.empty(),
        OptionalLong.empty(), OptionalLong.empty(), 2000, OptionalLong.empty(), Optional.empty(), List.of(period)));
    assertThrows(InvalidManifestException.class, () -> new Mpd(false, OptionalLong.empty(), 0, OptionalLong.of(1000),
        OptionalLong.empty(), OptionalLong.empty(), 2000, OptionalLong.of(2000), Optional.empty(), List.of(period)));
    assertThrows(InvalidManifestException.class, () -> new SegmentTemplate(90_000, "i.mp4", "$Time$.m4s", 1, 0,
        List.of(new TimelineEntry(OptionalLong.of(0), 180_000, 0))));
    assertThrows(InvalidManifestException.class, () -> new AdaptationSet(1, "video", "audio/mp4", Optional.of(tpl),
        List.of(rep)));
    assertThrows(InvalidManifestException.class, () -> new Representation("v", 1000, "avc1",
        java.util.OptionalInt.empty(), java.util.OptionalInt.empty(), Optional.of("29.97"), java.util.OptionalInt.empty(),
        Optional.empty()));
  }
}
