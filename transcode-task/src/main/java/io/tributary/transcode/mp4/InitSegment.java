package io.tributary.transcode.mp4;

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
      codecs = CodecStrings.video(r, r.children(entry, VISUAL_ENTRY_FIELDS), format);
    } else if ("soun".equals(handler)) {
      channels = r.u16(entry.payload() + 16);
      sampleRate = (int) (r.u32(entry.payload() + 24) >>> 16);
      codecs = CodecStrings.audio(r, r.children(entry, AUDIO_ENTRY_FIELDS), format);
    }
    return new TrackInfo(trackId, handler, timescale, format, codecs, width, height, channels, sampleRate, trex(r));
  }

  private static TrackDefaults trex(BoxReader r) {
    return r.find("moov/mvex/trex").map(t -> new TrackDefaults(r.u32(t.payload() + 12), r.u32(t.payload() + 16),
        r.s32(t.payload() + 20))).orElse(TrackDefaults.NONE);
  }

}
