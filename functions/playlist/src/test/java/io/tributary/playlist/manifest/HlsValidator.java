package io.tributary.playlist.manifest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Mechanical RFC 8216 checks for every playlist the tests produce: written independently of the
 * writer (it parses text), so a writer bug cannot hide behind a shared assumption. Throws
 * {@link AssertionError} naming the line and rule.
 */
public final class HlsValidator {
  private static final Pattern ATTR = Pattern.compile("([A-Z0-9-]+)=(\"[^\"\\r\\n]*\"|[^\",]*)(,|$)");
  private static final Pattern DECIMAL = Pattern.compile("\\d+(\\.\\d+)?");
  private static final Pattern EXTINF = Pattern.compile("#EXTINF:(\\d+(\\.\\d+)?),(.*)");
  private static final Set<String> MEDIA_TAGS = Set.of("#EXT-X-TARGETDURATION", "#EXT-X-MEDIA-SEQUENCE",
      "#EXT-X-DISCONTINUITY-SEQUENCE", "#EXT-X-ENDLIST", "#EXT-X-PLAYLIST-TYPE", "#EXT-X-I-FRAMES-ONLY",
      "#EXTINF", "#EXT-X-BYTERANGE", "#EXT-X-DISCONTINUITY", "#EXT-X-KEY", "#EXT-X-MAP",
      "#EXT-X-PROGRAM-DATE-TIME", "#EXT-X-DATERANGE", "#EXT-X-GAP");
  private static final Set<String> MULTIVARIANT_TAGS = Set.of("#EXT-X-MEDIA", "#EXT-X-STREAM-INF",
      "#EXT-X-I-FRAME-STREAM-INF", "#EXT-X-SESSION-DATA", "#EXT-X-SESSION-KEY");
  private static final Set<String> COMMON_TAGS = Set.of("#EXTM3U", "#EXT-X-VERSION", "#EXT-X-INDEPENDENT-SEGMENTS",
      "#EXT-X-START");

  private HlsValidator() {}

  /** One segment as a client numbers it. */
  public record Seg(String uri, long msn, long dsn, long durationMs, boolean gap, String map) {}

  public record Media(int targetDuration, long mediaSequence, long discontinuitySequence, List<Seg> segments,
                      boolean endList, String type) {}

  public record Variant(Map<String, String> attributes, String uri) {}

  public record Multivariant(List<Variant> variants, List<Map<String, String>> media) {}

  public static Multivariant multivariant(String text) {
    List<String> lines = lines(text);
    int version = header(lines);
    List<Variant> variants = new ArrayList<>();
    List<Map<String, String>> media = new ArrayList<>();
    Set<String> audioGroups = new HashSet<>();
    for (int i = 1; i < lines.size(); i++) {
      String line = lines.get(i);
      String tag = tagName(line);
      check(!MEDIA_TAGS.contains(tag), i, line, "media playlist tag in a multivariant playlist (RFC 8216 4.1)");
      if (tag.equals("#EXT-X-MEDIA")) {
        Map<String, String> a = attributes(line, i);
        for (String req : List.of("TYPE", "GROUP-ID", "NAME")) {
          check(a.containsKey(req), i, line, "EXT-X-MEDIA needs " + req + " (4.3.4.1)");
        }
        check(a.get("TYPE").matches("AUDIO|VIDEO|SUBTITLES|CLOSED-CAPTIONS"), i, line, "bad TYPE");
        check(quoted(a.get("GROUP-ID")) && quoted(a.get("NAME")), i, line, "GROUP-ID and NAME are quoted-strings");
        if ("YES".equals(a.get("DEFAULT"))) {
          check("YES".equals(a.get("AUTOSELECT")), i, line, "AUTOSELECT must be YES when DEFAULT is YES (4.3.4.1)");
        }
        if (a.containsKey("URI")) {
          check(quoted(a.get("URI")), i, line, "URI is a quoted-string");
        }
        if (a.get("TYPE").equals("AUDIO")) {
          audioGroups.add(a.get("GROUP-ID"));
        }
        media.add(a);
      } else if (tag.equals("#EXT-X-STREAM-INF")) {
        Map<String, String> a = attributes(line, i);
        check(a.containsKey("BANDWIDTH") && a.get("BANDWIDTH").matches("\\d+"), i, line, "BANDWIDTH is a required decimal-integer (4.3.4.2)");
        if (a.containsKey("AVERAGE-BANDWIDTH")) {
          check(a.get("AVERAGE-BANDWIDTH").matches("\\d+"), i, line, "AVERAGE-BANDWIDTH is a decimal-integer");
          check(Long.parseLong(a.get("AVERAGE-BANDWIDTH")) <= Long.parseLong(a.get("BANDWIDTH")), i, line,
              "AVERAGE-BANDWIDTH above BANDWIDTH");
        }
        if (a.containsKey("CODECS")) {
          check(quoted(a.get("CODECS")) && a.get("CODECS").length() > 2, i, line, "CODECS is a quoted-string");
        }
        if (a.containsKey("RESOLUTION")) {
          check(a.get("RESOLUTION").matches("\\d+x\\d+"), i, line, "RESOLUTION is decimal-resolution");
        }
        if (a.containsKey("FRAME-RATE")) {
          check(DECIMAL.matcher(a.get("FRAME-RATE")).matches(), i, line, "FRAME-RATE is decimal-floating-point");
        }
        if (a.containsKey("AUDIO")) {
          check(audioGroups.contains(a.get("AUDIO")), i, line, "AUDIO names no EXT-X-MEDIA TYPE=AUDIO group before it");
        }
        check(i + 1 < lines.size() && !lines.get(i + 1).startsWith("#"), i, line, "EXT-X-STREAM-INF is followed by a URI line");
        variants.add(new Variant(a, lines.get(++i)));
      } else if (!line.startsWith("#")) {
        fail(i, line, "URI line without EXT-X-STREAM-INF");
      } else {
        knownTag(tag, i, line);
      }
    }
    check(!variants.isEmpty(), 0, "", "a multivariant playlist has at least one EXT-X-STREAM-INF");
    check(version >= 1, 0, "", "version");
    return new Multivariant(variants, media);
  }

  public static Media media(String text) {
    List<String> lines = lines(text);
    int version = header(lines);
    Integer target = null;
    Long msn = null;
    Long dsnStart = null;
    String type = null;
    boolean endList = false;
    boolean pendingDisc = false;
    boolean pendingGap = false;
    boolean sawSegment = false;
    String map = null;
    boolean mapSinceDisc = false;
    Long pendingDuration = null;
    List<Seg> segs = new ArrayList<>();
    long curMsn = 0;
    long curDsn = 0;
    for (int i = 1; i < lines.size(); i++) {
      String line = lines.get(i);
      check(!endList, i, line, "nothing may follow EXT-X-ENDLIST");
      String tag = tagName(line);
      check(!MULTIVARIANT_TAGS.contains(tag), i, line, "multivariant tag in a media playlist (4.1)");
      switch (tag) {
        case "#EXT-X-TARGETDURATION" -> {
          check(target == null, i, line, "EXT-X-TARGETDURATION appears once (4.3.3.1)");
          check(line.substring(tag.length() + 1).matches("\\d+"), i, line, "decimal-integer");
          target = Integer.parseInt(line.substring(tag.length() + 1));
        }
        case "#EXT-X-MEDIA-SEQUENCE" -> {
          check(msn == null && !sawSegment, i, line, "EXT-X-MEDIA-SEQUENCE once, before the first segment (4.3.3.2)");
          msn = Long.parseLong(line.substring(tag.length() + 1));
        }
        case "#EXT-X-DISCONTINUITY-SEQUENCE" -> {
          check(dsnStart == null && !sawSegment, i, line, "EXT-X-DISCONTINUITY-SEQUENCE once, before the first segment (4.3.3.3)");
          dsnStart = Long.parseLong(line.substring(tag.length() + 1));
        }
        case "#EXT-X-PLAYLIST-TYPE" -> {
          type = line.substring(tag.length() + 1);
          check(type.equals("EVENT") || type.equals("VOD"), i, line, "EVENT or VOD (4.3.3.5)");
        }
        case "#EXT-X-DISCONTINUITY" -> {
          check(!pendingDisc, i, line, "two EXT-X-DISCONTINUITY for one segment");
          pendingDisc = true;
          mapSinceDisc = false;
        }
        case "#EXT-X-MAP" -> {
          Map<String, String> a = attributes(line, i);
          check(a.containsKey("URI") && quoted(a.get("URI")), i, line, "EXT-X-MAP needs a quoted URI (4.3.2.5)");
          check(version >= 6, i, line, "EXT-X-MAP in a media playlist without I-frames needs version 6+ (4.3.2.5)");
          map = a.get("URI");
          mapSinceDisc = true;
        }
        case "#EXT-X-PROGRAM-DATE-TIME" -> {
          String v = line.substring(tag.length() + 1);
          try {
            Instant.parse(v);
          } catch (RuntimeException e) {
            fail(i, line, "EXT-X-PROGRAM-DATE-TIME is ISO 8601 date-time (4.3.2.6)");
          }
        }
        case "#EXT-X-GAP" -> pendingGap = true;
        case "#EXTINF" -> {
          Matcher m = EXTINF.matcher(line);
          check(m.matches(), i, line, "#EXTINF:<duration>,[<title>] (4.3.2.1)");
          check(pendingDuration == null, i, line, "EXTINF without a URI line before the next EXTINF");
          pendingDuration = Math.round(Double.parseDouble(m.group(1)) * 1000);
        }
        case "#EXT-X-ENDLIST" -> endList = true;
        default -> {
          if (line.startsWith("#")) {
            knownTag(tag, i, line);
            continue;
          }
          check(pendingDuration != null, i, line, "every media segment has an EXTINF (4.3.2.1)");
          check(map != null, i, line, "an fMP4 segment needs an EXT-X-MAP before it (4.3.2.5)");
          if (pendingDisc) {
            check(mapSinceDisc, i, line, "each session has its own init: EXT-X-MAP after every discontinuity");
          }
          if (!sawSegment) {
            curMsn = msn == null ? 0 : msn;
            curDsn = dsnStart == null ? 0 : dsnStart;
          } else {
            curMsn++;
          }
          if (pendingDisc) {
            curDsn++;
          }
          sawSegment = true;
          segs.add(new Seg(line, curMsn, curDsn, pendingDuration, pendingGap, map));
          pendingDuration = null;
          pendingDisc = false;
          pendingGap = false;
        }
      }
    }
    check(target != null, 0, "", "EXT-X-TARGETDURATION is required (4.3.3.1)");
    check(pendingDuration == null, lines.size(), "", "trailing EXTINF without URI");
    check(!segs.isEmpty(), 0, "", "no segments");
    for (Seg s : segs) {
      check((s.durationMs() + 500) / 1000 <= target, 0, s.uri(), "rounded EXTINF " + s.durationMs()
          + " ms exceeds EXT-X-TARGETDURATION " + target + " (4.3.3.1)");
    }
    if ("VOD".equals(type)) {
      check(endList, 0, "", "a VOD playlist has EXT-X-ENDLIST");
    }
    return new Media(target, msn == null ? 0 : msn, dsnStart == null ? 0 : dsnStart, segs, endList, type);
  }

  /**
   * RFC 8216 6.2.1/6.2.2 and 6.3.4 across two successive reloads of one live playlist: constant
   * target duration, a segment keeps its media sequence and discontinuity sequence numbers, and
   * segments are only removed from the front.
   */
  public static void checkReload(Media before, Media after) {
    if (!before.endList()) {
      check(before.targetDuration() == after.targetDuration(), 0, "", "EXT-X-TARGETDURATION changed "
          + before.targetDuration() + " -> " + after.targetDuration() + " (6.2.1)");
    }
    check(after.mediaSequence() >= before.mediaSequence(), 0, "", "EXT-X-MEDIA-SEQUENCE went backwards "
        + before.mediaSequence() + " -> " + after.mediaSequence());
    Map<String, Seg> old = new HashMap<>();
    for (Seg s : before.segments()) {
      old.put(s.uri(), s);
    }
    for (Seg s : after.segments()) {
      Seg o = old.get(s.uri());
      if (o != null) {
        check(o.msn() == s.msn(), 0, s.uri(), "media sequence number changed " + o.msn() + " -> " + s.msn() + " (6.2.2)");
        check(o.dsn() == s.dsn(), 0, s.uri(), "discontinuity sequence number changed " + o.dsn() + " -> " + s.dsn()
            + " (6.2.2)");
      }
    }
    long lastBefore = before.segments().get(before.segments().size() - 1).msn();
    for (Seg o : before.segments()) {
      if (o.msn() >= after.mediaSequence() && o.msn() <= lastBefore) {
        boolean still = after.segments().stream().anyMatch(s -> s.msn() == o.msn());
        check(still, 0, o.uri(), "a segment disappeared from the middle of the playlist (6.2.2)");
      }
    }
  }

  private static int header(List<String> lines) {
    check(!lines.isEmpty() && lines.get(0).equals("#EXTM3U"), 0, lines.isEmpty() ? "" : lines.get(0),
        "the first line is #EXTM3U (4.3.1.1)");
    int versions = 0;
    int version = 1;
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).startsWith("#EXT-X-VERSION:")) {
        versions++;
        version = Integer.parseInt(lines.get(i).substring("#EXT-X-VERSION:".length()));
      }
    }
    check(versions <= 1, 0, "", "at most one EXT-X-VERSION (4.3.1.2)");
    return version;
  }

  private static List<String> lines(String text) {
    check(!text.contains("\r"), 0, "", "LF line ends only");
    check(text.endsWith("\n"), 0, "", "ends with a line end");
    List<String> out = new ArrayList<>(List.of(text.split("\n", -1)));
    out.remove(out.size() - 1);
    for (int i = 0; i < out.size(); i++) {
      check(!out.get(i).isBlank(), i, "", "blank line");
      check(out.get(i).equals(out.get(i).strip()), i, out.get(i), "no surrounding whitespace");
    }
    return out;
  }

  private static String tagName(String line) {
    if (!line.startsWith("#EXT")) {
      return line.startsWith("#") ? "#" : line;
    }
    int colon = line.indexOf(':');
    return colon < 0 ? line : line.substring(0, colon);
  }

  private static void knownTag(String tag, int i, String line) {
    check(tag.equals("#") || MEDIA_TAGS.contains(tag) || MULTIVARIANT_TAGS.contains(tag) || COMMON_TAGS.contains(tag),
        i, line, "unknown tag " + tag);
    if (tag.equals("#EXT-X-VERSION")) {
      check(line.matches("#EXT-X-VERSION:\\d+"), i, line, "EXT-X-VERSION:<n>");
    }
  }

  private static Map<String, String> attributes(String line, int i) {
    String list = line.substring(line.indexOf(':') + 1);
    Map<String, String> out = new LinkedHashMap<>();
    Matcher m = ATTR.matcher(list);
    int pos = 0;
    while (pos < list.length()) {
      check(m.find(pos) && m.start() == pos, i, line, "attribute-list syntax at " + pos + " (4.2)");
      check(out.put(m.group(1), m.group(2)) == null, i, line, "attribute " + m.group(1) + " repeated (4.2)");
      pos = m.end();
    }
    return out;
  }

  private static boolean quoted(String v) {
    return v != null && v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"");
  }

  private static void check(boolean ok, int line, String text, String rule) {
    if (!ok) {
      fail(line, text, rule);
    }
  }

  private static void fail(int line, String text, String rule) {
    throw new AssertionError("RFC 8216 violation at line " + (line + 1) + " [" + text + "]: " + rule);
  }
}
