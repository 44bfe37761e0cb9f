package io.tributary.playlist.manifest;

/**
 * Number and time text shared by both writers. Hand-rolled because {@code String.format} and
 * {@code DateTimeFormatter} cost about a microsecond per call, and a 2-hour DVR playlist formats
 * thousands of values within a 1 ms budget.
 */
final class Text {
  private Text() {}

  /** Milliseconds as seconds with exactly three decimals: 2002 → "2.002" (RFC 8216 4.2 decimal-floating-point). */
  static void seconds3(StringBuilder out, long millis) {
    if (millis < 0) {
      out.append('-');
      millis = -millis;
    }
    out.append(millis / 1000).append('.');
    long frac = millis % 1000;
    if (frac < 100) {
      out.append('0');
    }
    if (frac < 10) {
      out.append('0');
    }
    out.append(frac);
  }

  /** Seconds with up to three decimals, trailing zeros dropped: 2000 → "2", 2500 → "2.5". */
  static void secondsShort(StringBuilder out, long millis) {
    out.append(millis / 1000);
    long frac = millis % 1000;
    if (frac != 0) {
      out.append('.');
      if (frac < 100) {
        out.append('0');
      }
      if (frac < 10) {
        out.append('0');
      }
      while (frac % 10 == 0) {
        frac /= 10;
      }
      out.append(frac);
    }
  }

  /** xs:duration as ISO/IEC 23009-1 uses it: "PT2S", "PT1.5S", seconds only (5.3.1.2 allows any). */
  static void xsDuration(StringBuilder out, long millis) {
    out.append("PT");
    secondsShort(out, millis);
    out.append('S');
  }

  /**
   * An instant as {@code YYYY-MM-DDThh:mm:ss.sssZ}: RFC 8216 4.3.2.6 (ISO 8601 with milliseconds)
   * and xs:dateTime for the MPD. Civil-from-days after Howard Hinnant's public-domain algorithm.
   */
  static void isoInstant(StringBuilder out, long epochMs) {
    long days = Math.floorDiv(epochMs, 86_400_000L);
    long msOfDay = Math.floorMod(epochMs, 86_400_000L);
    long z = days + 719_468;
    long era = Math.floorDiv(z, 146_097);
    long doe = z - era * 146_097;
    long yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    long y = yoe + era * 400;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    long d = doy - (153 * mp + 2) / 5 + 1;
    long m = mp < 10 ? mp + 3 : mp - 9;
    if (m <= 2) {
      y++;
    }
    out.append(y).append('-');
    two(out, m);
    out.append('-');
    two(out, d);
    out.append('T');
    two(out, msOfDay / 3_600_000);
    out.append(':');
    two(out, msOfDay / 60_000 % 60);
    out.append(':');
    two(out, msOfDay / 1000 % 60);
    out.append('.');
    long ms = msOfDay % 1000;
    if (ms < 100) {
      out.append('0');
    }
    if (ms < 10) {
      out.append('0');
    }
    out.append(ms).append('Z');
  }

  private static void two(StringBuilder out, long v) {
    if (v < 10) {
      out.append('0');
    }
    out.append(v);
  }

  /** XML attribute value escaping (URIs may carry {@code &} between query parameters). */
  static void xmlAttr(StringBuilder out, String v) {
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        default -> out.append(c);
      }
    }
  }
}
