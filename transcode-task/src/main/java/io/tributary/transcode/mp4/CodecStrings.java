package io.tributary.transcode.mp4;

import java.util.List;
import java.util.Locale;

/** RFC 6381 codecs parameters from the decoder configuration boxes of a sample entry. */
final class CodecStrings {
  private CodecStrings() {}

  static String video(BoxReader r, List<Box> children, String format) {
    for (Box c : children) {
      int p = c.payload();
      switch (c.type()) {
        case "avcC":
          // RFC 6381 §3.3: avc1.PPCCLL from AVCDecoderConfigurationRecord (ISO/IEC 14496-15 §5.3.3.1).
          return String.format(Locale.ROOT, "%s.%02x%02x%02x", format, r.u8(p + 1), r.u8(p + 2), r.u8(p + 3));
        case "hvcC":
          return hevc(r, p, format);
        case "av1C":
          return av1(r, p);
        default:
          break;
      }
    }
    return format;
  }

  /** ISO/IEC 14496-15 Annex E.3: hvc1.[space]profile.compat(reversed).TierLevel.constraints. */
  static String hevc(BoxReader r, int p, String format) {
    int b = r.u8(p + 1);
    int space = b >> 6;
    boolean highTier = (b & 0x20) != 0;
    int profile = b & 0x1f;
    long compat = r.u32(p + 2);
    long reversed = Integer.toUnsignedLong(Integer.reverse((int) compat));
    StringBuilder s = new StringBuilder(format).append('.');
    if (space > 0) {
      s.append((char) ('A' + space - 1));
    }
    s.append(profile).append('.').append(Long.toHexString(reversed).toUpperCase(Locale.ROOT)).append('.')
        .append(highTier ? 'H' : 'L').append(r.u8(p + 12));
    int[] constraints = new int[6];
    int last = -1;
    for (int i = 0; i < 6; i++) {
      constraints[i] = r.u8(p + 6 + i);
      if (constraints[i] != 0) {
        last = i;
      }
    }
    for (int i = 0; i <= last; i++) {
      s.append('.').append(Integer.toHexString(constraints[i]).toUpperCase(Locale.ROOT));
    }
    return s.toString();
  }

  /** AV1 Codec ISO Media File Format Binding §5: av01.P.LLT.DD. */
  static String av1(BoxReader r, int p) {
    int b1 = r.u8(p + 1);
    int b2 = r.u8(p + 2);
    int profile = b1 >> 5;
    int level = b1 & 0x1f;
    boolean tier = (b2 & 0x80) != 0;
    boolean high = (b2 & 0x40) != 0;
    boolean twelve = (b2 & 0x20) != 0;
    int depth = high ? (twelve ? 12 : 10) : 8;
    return String.format(Locale.ROOT, "av01.%d.%02d%s.%02d", profile, level, tier ? "H" : "M", depth);
  }

  static String audio(BoxReader r, List<Box> children, String format) {
    if (!format.equals("mp4a")) {
      return format;
    }
    for (Box c : children) {
      if (c.type().equals("esds")) {
        return esds(r, c.payload() + 4, c.end());
      }
    }
    return format;
  }

  /** RFC 6381 §3.3: mp4a.OTI(hex).AOT(decimal), from ES_Descriptor (ISO/IEC 14496-1 §7.2.6.5). */
  static String esds(BoxReader r, int p, int end) {
    int oti = -1;
    while (p < end) {
      int tag = r.u8(p++);
      int len = 0;
      for (int i = 0; i < 4; i++) {
        int b = r.u8(p++);
        len = (len << 7) | (b & 0x7f);
        if ((b & 0x80) == 0) {
          break;
        }
      }
      if (tag == 0x03) {
        int flags = r.u8(p + 2);
        p += 3;
        if ((flags & 0x80) != 0) {
          p += 2;
        }
        if ((flags & 0x40) != 0) {
          p += 1 + r.u8(p);
        }
        if ((flags & 0x20) != 0) {
          p += 2;
        }
      } else if (tag == 0x04) {
        oti = r.u8(p);
        p += 13;
      } else if (tag == 0x05) {
        int aot = r.u8(p) >> 3;
        if (aot == 31) {
          aot = 32 + (((r.u8(p) & 0x7) << 3) | (r.u8(p + 1) >> 5));
        }
        return String.format(Locale.ROOT, "mp4a.%02x.%d", oti, aot);
      } else {
        p += len;
      }
    }
    return oti < 0 ? "mp4a" : String.format(Locale.ROOT, "mp4a.%02x", oti);
  }
}
