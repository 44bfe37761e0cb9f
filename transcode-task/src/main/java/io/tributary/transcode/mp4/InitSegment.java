package io.tributary.transcode.mp4;

import java.util.Locale;

/**
 * Reads the track of a single-track init segment (ftyp + moov): timescale, sample entry and the
 * RFC 6381 codecs string computed from the decoder configuration record actually written, never
 * from what the job claimed.
 */
public final class InitSegment {
  /** VisualSampleEntry fields before its child boxes (ISO/IEC 14496-12 §12.1.3). */
  private static final int VISUAL_ENTRY_FIELDS = 78;
  /** AudioSampleEntry fields before its child boxes (§12.2.3). */
  private static final int AUDIO_ENTRY_FIELDS = 28;

  private InitSegment() {}

  public static TrackInfo parse(byte[] init) {
    BoxReader r = new BoxReader(init);
    Box trak = r.find("moov/trak").orElseThrow(() -> new Mp4Exception("moov", 0, "init segment without moov/trak"));
    Box tkhd = r.child(trak, "tkhd").orElseThrow(() -> new Mp4Exception("trak", trak.offset(), "no tkhd"));
    int trackId = r.s32(tkhd.payload() + (r.u8(tkhd.payload()) == 1 ? 20 : 12));
    Box mdia = r.child(trak, "mdia").orElseThrow(() -> new Mp4Exception("trak", trak.offset(), "no mdia"));
    Box mdhd = r.child(mdia, "mdhd").orElseThrow(() -> new Mp4Exception("mdia", mdia.offset(), "no mdhd"));
    long timescale = r.u32(mdhd.payload() + (r.u8(mdhd.payload()) == 1 ? 20 : 12));
    Box hdlr = r.child(mdia, "hdlr").orElseThrow(() -> new Mp4Exception("mdia", mdia.offset(), "no hdlr"));
    String handler = r.fourcc(hdlr.payload() + 8);
    Box stsd = r.child(mdia, "minf").flatMap(m -> r.child(m, "stbl")).flatMap(s -> r.child(s, "stsd"))
        .orElseThrow(() -> new Mp4Exception("mdia", mdia.offset(), "no minf/stbl/stsd"));
    // stsd: full box header (4) + entry_count (4), then the sample entries.
    Box entry = r.scan(stsd.payload() + 8, stsd.end()).get(0);
    String format = entry.type();
    int width = 0;
    int height = 0;
    int channels = 0;
    int sampleRate = 0;
    String codecs = format;
    if ("vide".equals(handler)) {
      width = r.u16(entry.payload() + 24);
      height = r.u16(entry.payload() + 26);
      codecs = videoCodecs(r, entry, format);
    } else if ("soun".equals(handler)) {
      channels = r.u16(entry.payload() + 16);
      sampleRate = (int) (r.u32(entry.payload() + 24) >>> 16);
      codecs = audioCodecs(r, entry, format);
    }
    return new TrackInfo(trackId, handler, timescale, format, codecs, width, height, channels, sampleRate, trex(r));
  }

  private static TrackDefaults trex(BoxReader r) {
    return r.find("moov/mvex/trex").map(t -> new TrackDefaults(r.u32(t.payload() + 12), r.u32(t.payload() + 16),
        r.s32(t.payload() + 20))).orElse(TrackDefaults.NONE);
  }

  private static String videoCodecs(BoxReader r, Box entry, String format) {
    for (Box c : r.children(entry, VISUAL_ENTRY_FIELDS)) {
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
  private static String hevc(BoxReader r, int p, String format) {
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
  private static String av1(BoxReader r, int p) {
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

  private static String audioCodecs(BoxReader r, Box entry, String format) {
    if (!format.equals("mp4a")) {
      return format;
    }
    for (Box c : r.children(entry, AUDIO_ENTRY_FIELDS)) {
      if (c.type().equals("esds")) {
        return esds(r, c.payload() + 4, c.end());
      }
    }
    return format;
  }

  /** RFC 6381 §3.3: mp4a.OTI(hex).AOT(decimal), from ES_Descriptor (ISO/IEC 14496-1 §7.2.6.5). */
  private static String esds(BoxReader r, int p, int end) {
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
