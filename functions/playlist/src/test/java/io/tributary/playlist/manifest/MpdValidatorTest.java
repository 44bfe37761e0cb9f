package io.tributary.playlist.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** The validator's gap rules fail on the MPDs the planner used to write, and pass their fixes. */
class MpdValidatorTest {
  private static String mpd(String type, String extra, String periods) {
    String dyn = type.equals("dynamic")
        ? " availabilityStartTime=\"1970-01-01T00:00:00Z\" minimumUpdatePeriod=\"PT1S\" timeShiftBufferDepth=\"PT12S\""
            + " suggestedPresentationDelay=\"PT6S\"" : "";
    return "<?xml version=\"1.0\"?>\n<MPD xmlns=\"urn:mpeg:dash:schema:mpd:2011\" profiles=\"" + Mpd.PROFILE_LIVE
        + "\" type=\"" + type + "\"" + dyn + " publishTime=\"2025-11-25T19:48:20Z\" minBufferTime=\"PT2S\"" + extra + ">\n"
        + periods + (type.equals("dynamic")
            ? "<UTCTiming schemeIdUri=\"urn:mpeg:dash:utc:direct:2014\" value=\"2025-11-25T19:48:20Z\"/>\n" : "")
        + "</MPD>\n";
  }

  private static String period(String id, String start, int startNumber, String pto, String timeline) {
    return "<Period id=\"" + id + "\" start=\"" + start + "\"><AdaptationSet id=\"1\" contentType=\"video\""
        + " mimeType=\"video/mp4\"><SegmentTemplate timescale=\"90000\" initialization=\"$RepresentationID$/i.mp4\""
        + " media=\"$RepresentationID$/$Number$.m4s\" startNumber=\"" + startNumber + "\"" + pto + "><SegmentTimeline>"
        + timeline + "</SegmentTimeline></SegmentTemplate><Representation id=\"v\" bandwidth=\"1\" codecs=\"avc1\"/>"
        + "</AdaptationSet></Period>\n";
  }

  @Test
  void aListedGapIsRejected() {
    // What the planner wrote before: seq 43 and 45 (gaps) kept their slots, so clients fetched them.
    String old = mpd("dynamic", "", period("a", "PT1764100000S", 42, "", "<S t=\"7560000\" d=\"180000\" r=\"5\"/>"));
    AssertionError e = assertThrows(AssertionError.class, () -> MpdValidator.validate(old, Set.of(43L, 45L)));
    assertTrue(e.getMessage().contains("segment 43 of v"), e.getMessage());
    assertEquals(6, MpdValidator.validate(old).segments().size(), "without gap numbers the same MPD is well-formed");
  }

  @Test
  void aHoleInANumberTimelineIsRejected() {
    // A hole with S@t: correct times, but the next segment is still numbered 43 (startNumber + index).
    String hole = mpd("dynamic", "", period("a", "PT1764100000S", 42, "",
        "<S t=\"7560000\" d=\"180000\"/><S t=\"7920000\" d=\"180000\"/>"));
    AssertionError e = assertThrows(AssertionError.class, () -> MpdValidator.validate(hole));
    assertTrue(e.getMessage().contains("hole of 180000 units before segment 43"), e.getMessage());
  }

  @Test
  void aGapBetweenPeriodsIsAccepted() {
    String split = mpd("static", " mediaPresentationDuration=\"PT16S\"",
        period("a", "PT0S", 0, "", "<S t=\"0\" d=\"180000\" r=\"2\"/>")
            + period("a-4", "PT8S", 4, " presentationTimeOffset=\"720000\"", "<S t=\"720000\" d=\"180000\" r=\"3\"/>"));
    MpdValidator.Parsed p = MpdValidator.validate(split, Set.of(3L));
    assertEquals(7, p.segments().size());
    assertEquals(8000, p.segments().get(3).startMs(), "seq 4 plays at 8 s, after the 2 s hole");
  }

  @Test
  void aStaticSegmentPastTheDurationIsRejected() {
    // The old clip MPD: segments at 20..30 s of a Period starting at 0, duration 10 s.
    String clip = mpd("static", " mediaPresentationDuration=\"PT10S\"",
        period("a", "PT0S", 10, "", "<S t=\"1800000\" d=\"180000\" r=\"4\"/>"));
    AssertionError e = assertThrows(AssertionError.class, () -> MpdValidator.validate(clip));
    assertTrue(e.getMessage().contains("past @mediaPresentationDuration"), e.getMessage());
  }
}
