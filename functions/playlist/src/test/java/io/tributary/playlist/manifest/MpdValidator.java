package io.tributary.playlist.manifest;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Mechanical ISO/IEC 23009-1 (live profile) checks for every MPD the tests produce, parsing the
 * XML independently of the writer. Throws {@link AssertionError} naming the rule.
 */
public final class MpdValidator {
  static final String NS = "urn:mpeg:dash:schema:mpd:2011";
  private static final Pattern DURATION = Pattern.compile("P(?:(\\d+)D)?(?:T(?:(\\d+)H)?(?:(\\d+)M)?(?:(\\d+(?:\\.\\d+)?)S)?)?");

  private MpdValidator() {}

  /** A segment as a client addresses it: Period, Representation, $Number$, start time in ms. */
  public record Addressed(String period, String representation, long number, long startMs, String url) {}

  public record Parsed(boolean dynamic, Map<String, Long> periodStarts, List<Addressed> segments, Set<String> contentTypes) {}

  public static Parsed validate(String xml) {
    return validate(xml, Set.of());
  }

  /**
   * As {@link #validate(String)}, and no listed segment is one of {@code gaps}: numbers of
   * segments that do not exist (EXT-X-GAP in HLS), which a DASH client would fetch and get a 404.
   */
  public static Parsed validate(String xml, Set<Long> gaps) {
    Document doc;
    try {
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setNamespaceAware(true);
      f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    } catch (Exception e) {
      throw new AssertionError("MPD is not well-formed XML: " + e.getMessage(), e);
    }
    Element mpd = doc.getDocumentElement();
    check(mpd.getLocalName().equals("MPD") && NS.equals(mpd.getNamespaceURI()), "root is MPD in " + NS);
    check(mpd.getAttribute("profiles").contains("urn:mpeg:dash:profile:isoff-live:2011"), "live profile declared");
    String type = mpd.getAttribute("type");
    check(type.equals("dynamic") || type.equals("static"), "@type is static or dynamic");
    boolean dynamic = type.equals("dynamic");
    check(mpd.hasAttribute("minBufferTime"), "@minBufferTime is required (5.3.1.2)");
    for (String d : List.of("minBufferTime", "minimumUpdatePeriod", "timeShiftBufferDepth",
        "suggestedPresentationDelay", "mediaPresentationDuration")) {
      if (mpd.hasAttribute(d)) {
        durationMs(mpd.getAttribute(d));
      }
    }
    if (dynamic) {
      for (String a : List.of("availabilityStartTime", "publishTime", "minimumUpdatePeriod", "timeShiftBufferDepth",
          "suggestedPresentationDelay")) {
        check(mpd.hasAttribute(a), "a live dynamic MPD carries @" + a);
      }
      check(!mpd.hasAttribute("mediaPresentationDuration"), "no @mediaPresentationDuration while live");
      check(!children(mpd, "UTCTiming").isEmpty(), "a dynamic MPD carries UTCTiming");
      Instant.parse(mpd.getAttribute("availabilityStartTime"));
      Instant.parse(mpd.getAttribute("publishTime"));
    } else {
      check(mpd.hasAttribute("mediaPresentationDuration"), "a static MPD needs @mediaPresentationDuration");
      check(!mpd.hasAttribute("minimumUpdatePeriod"), "a static MPD never updates");
    }
    for (Element u : children(mpd, "UTCTiming")) {
      check(u.hasAttribute("schemeIdUri") && u.hasAttribute("value"), "UTCTiming has @schemeIdUri and @value");
      if (u.getAttribute("schemeIdUri").equals("urn:mpeg:dash:utc:direct:2014")) {
        Instant.parse(u.getAttribute("value"));
      }
    }
    List<Element> periods = children(mpd, "Period");
    check(!periods.isEmpty(), "at least one Period");
    Map<String, Long> starts = new HashMap<>();
    List<Addressed> out = new ArrayList<>();
    Set<String> types = new HashSet<>();
    long previousStart = -1;
    long previousEnd = -1;
    for (Element p : periods) {
      String id = p.getAttribute("id");
      check(!id.isEmpty() && !starts.containsKey(id), "Period@id present and unique: " + id);
      long start = durationMs(p.getAttribute("start"));
      check(start >= previousStart, "Periods in start order");
      check(previousEnd < 0 || start >= previousEnd - 1, "Period " + id + " starts at " + start
          + " before the previous Period's media ended at " + previousEnd);
      starts.put(id, start);
      previousStart = start;
      long periodEnd = start;
      Set<Integer> setIds = new HashSet<>();
      for (Element as : children(p, "AdaptationSet")) {
        check(setIds.add(Integer.parseInt(as.getAttribute("id"))), "AdaptationSet@id unique in Period " + id);
        String ct = as.getAttribute("contentType");
        check(ct.equals("video") || ct.equals("audio"), "contentType video or audio");
        check(as.getAttribute("mimeType").equals(ct + "/mp4"), "mimeType matches contentType for CMAF");
        types.add(ct);
        Element setTemplate = first(as, "SegmentTemplate");
        List<Element> reps = children(as, "Representation");
        check(!reps.isEmpty(), "AdaptationSet has a Representation");
        for (Element r : reps) {
          check(!r.getAttribute("id").isEmpty() && r.getAttribute("bandwidth").matches("\\d+")
              && !r.getAttribute("codecs").isEmpty(), "Representation has @id, @bandwidth, @codecs");
          if (r.hasAttribute("frameRate")) {
            check(r.getAttribute("frameRate").matches("[0-9]*[0-9](/[0-9]*[0-9])?"), "FrameRateType");
          }
          Element t = first(r, "SegmentTemplate");
          if (t == null) {
            t = setTemplate;
          }
          check(t != null, "Representation " + r.getAttribute("id") + " has a SegmentTemplate (live profile)");
          long endMs = timeline(id, start, r.getAttribute("id"), t, out);
          periodEnd = Math.max(periodEnd, endMs);
        }
      }
      check(!setIds.isEmpty(), "Period " + id + " has an AdaptationSet");
      previousEnd = periodEnd;
    }
    for (Addressed a : out) {
      check(!gaps.contains(a.number()), "segment " + a.number() + " of " + a.representation() + " in Period "
          + a.period() + " is a gap: a listed segment that does not exist is a 404 for the client");
    }
    if (!dynamic) {
      long total = durationMs(mpd.getAttribute("mediaPresentationDuration"));
      for (Addressed a : out) {
        check(a.startMs() < total, "segment " + a.number() + " of " + a.representation() + " starts at " + a.startMs()
            + " ms, past @mediaPresentationDuration " + total + " ms (5.3.1.2)");
      }
    }
    return new Parsed(dynamic, starts, out, types);
  }

  /** Walks a SegmentTimeline (5.3.9.6): returns the Period-relative end of the last segment plus start. */
  private static long timeline(String period, long periodStart, String rep, Element t, List<Addressed> out) {
    long timescale = Long.parseLong(attr(t, "timescale", "1"));
    check(timescale > 0, "timescale > 0");
    String media = t.getAttribute("media");
    check(media.contains("$Number$"), "@media addresses by $Number$");
    check(!t.getAttribute("initialization").isEmpty(), "@initialization present");
    long number = Long.parseLong(attr(t, "startNumber", "1"));
    long pto = Long.parseLong(attr(t, "presentationTimeOffset", "0"));
    Element tl = first(t, "SegmentTimeline");
    check(tl != null, "SegmentTemplate carries a SegmentTimeline");
    List<Element> ss = children(tl, "S");
    check(!ss.isEmpty() && ss.get(0).hasAttribute("t"), "the first S has @t");
    long cursor = -1;
    long previousD = 0;
    for (Element s : ss) {
      long d = Long.parseLong(s.getAttribute("d"));
      int r = Integer.parseInt(attr(s, "r", "0"));
      check(d > 0 && r >= 0, "S@d > 0 and S@r >= 0");
      if (s.hasAttribute("t")) {
        long tt = Long.parseLong(s.getAttribute("t"));
        check(cursor < 0 || tt >= cursor, "S@t " + tt + " overlaps the previous segment ending at " + cursor);
        // 5.3.9.6: an S@t past the previous end is a hole, but $Number$ still counts on from
        // startNumber by list position (clients ignore S@n), so every later number would name the
        // wrong file. Numbers equal seq here: a hole must be a Period boundary instead.
        check(cursor < 0 || tt - cursor <= previousD / 2, "hole of " + (tt - cursor) + " units before segment "
            + number + " in a $Number$ SegmentTimeline of " + rep + " (Period " + period + ")");
        cursor = tt;
      }
      previousD = d;
      for (int i = 0; i <= r; i++) {
        long startMs = periodStart + (cursor - pto) * 1000 / timescale;
        String url = media.replace("$RepresentationID$", rep).replace("$Number$", Long.toString(number));
        out.add(new Addressed(period, rep, number, startMs, url));
        number++;
        cursor += d;
      }
    }
    return periodStart + (cursor - pto) * 1000 / timescale;
  }

  /**
   * Across two successive dynamic MPDs (5.3.2.1, 5.3.9.6): a Period keeps its start and every
   * segment number keeps its URL and its start time.
   */
  public static void checkUpdate(Parsed before, Parsed after) {
    for (var e : after.periodStarts().entrySet()) {
      Long old = before.periodStarts().get(e.getKey());
      if (old != null) {
        check(old.equals(e.getValue()), "Period " + e.getKey() + " moved from " + old + " to " + e.getValue());
      }
    }
    Map<String, Addressed> byKey = new HashMap<>();
    for (Addressed a : before.segments()) {
      byKey.put(a.period() + "/" + a.representation() + "/" + a.number(), a);
    }
    for (Addressed a : after.segments()) {
      Addressed o = byKey.get(a.period() + "/" + a.representation() + "/" + a.number());
      if (o != null) {
        check(o.url().equals(a.url()) && Math.abs(o.startMs() - a.startMs()) <= 1,
            "segment " + a.number() + " of " + a.representation() + " changed: " + o + " -> " + a);
      }
    }
  }

  static long durationMs(String v) {
    Matcher m = DURATION.matcher(v);
    check(m.matches() && v.length() > 1, "xs:duration syntax: " + v);
    double s = 0;
    if (m.group(1) != null) {
      s += Long.parseLong(m.group(1)) * 86400.0;
    }
    if (m.group(2) != null) {
      s += Long.parseLong(m.group(2)) * 3600.0;
    }
    if (m.group(3) != null) {
      s += Long.parseLong(m.group(3)) * 60.0;
    }
    if (m.group(4) != null) {
      s += Double.parseDouble(m.group(4));
    }
    return Math.round(s * 1000);
  }

  private static String attr(Element e, String name, String dflt) {
    return e.hasAttribute(name) ? e.getAttribute(name) : dflt;
  }

  private static List<Element> children(Element parent, String name) {
    List<Element> out = new ArrayList<>();
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && name.equals(e.getLocalName())) {
        out.add(e);
      }
    }
    return out;
  }

  private static Element first(Element parent, String name) {
    List<Element> c = children(parent, name);
    return c.isEmpty() ? null : c.get(0);
  }

  private static void check(boolean ok, String rule) {
    if (!ok) {
      throw new AssertionError("ISO/IEC 23009-1 violation: " + rule);
    }
  }
}
