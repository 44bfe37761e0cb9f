package io.tributary.transcode.mp4;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses the {@code moof} boxes of a fragmented MP4 (ISO/IEC 14496-12 §8.8): tfhd defaults,
 * tfdt, and each trun's per-sample fields, resolving the decode time of every sample.
 */
public final class FragmentParser {
  // tfhd flags, §8.8.7.1
  private static final int BASE_DATA_OFFSET = 0x1;
  private static final int SAMPLE_DESCRIPTION_INDEX = 0x2;
  private static final int DEFAULT_DURATION = 0x8;
  private static final int DEFAULT_SIZE = 0x10;
  private static final int DEFAULT_FLAGS = 0x20;
  // trun flags, §8.8.8.1
  private static final int DATA_OFFSET = 0x1;
  private static final int FIRST_SAMPLE_FLAGS = 0x4;
  private static final int SAMPLE_DURATION = 0x100;
  private static final int SAMPLE_SIZE = 0x200;
  private static final int SAMPLE_FLAGS = 0x400;
  private static final int SAMPLE_CTO = 0x800;

  private FragmentParser() {}

  /** Parses every moof in {@code bytes} with no trex defaults (ffmpeg writes them into tfhd). */
  public static MediaSegment parse(byte[] bytes) {
    return parse(bytes, TrackDefaults.NONE);
  }

  public static MediaSegment parse(byte[] bytes, TrackDefaults trex) {
    BoxReader r = new BoxReader(bytes);
    List<TrackFragment> fragments = new ArrayList<>();
    for (Box moof : r.top()) {
      if (!moof.type().equals("moof")) {
        continue;
      }
      for (Box traf : r.children(moof)) {
        if (traf.type().equals("traf")) {
          fragments.add(traf(r, traf, trex));
        }
      }
    }
    if (fragments.isEmpty()) {
      throw new Mp4Exception("moof", 0, "no track fragment found in " + bytes.length + " bytes");
    }
    return new MediaSegment(fragments);
  }

  private static TrackFragment traf(BoxReader r, Box traf, TrackDefaults trex) {
    Box tfhd = r.child(traf, "tfhd").orElseThrow(() -> new Mp4Exception("traf", traf.offset(), "traf without tfhd"));
    int p = tfhd.payload();
    int tfhdFlags = r.u24(p + 1);
    int trackId = r.s32(p + 4);
    p += 8;
    if ((tfhdFlags & BASE_DATA_OFFSET) != 0) {
      p += 8;
    }
    if ((tfhdFlags & SAMPLE_DESCRIPTION_INDEX) != 0) {
      p += 4;
    }
    long defDuration = trex.duration();
    int defDurationOffset = -1;
    if ((tfhdFlags & DEFAULT_DURATION) != 0) {
      defDuration = r.u32(p);
      defDurationOffset = p;
      p += 4;
    }
    long defSize = trex.size();
    if ((tfhdFlags & DEFAULT_SIZE) != 0) {
      defSize = r.u32(p);
      p += 4;
    }
    int defFlags = trex.flags();
    if ((tfhdFlags & DEFAULT_FLAGS) != 0) {
      defFlags = r.s32(p);
    }

    Box tfdt = r.child(traf, "tfdt").orElseThrow(() -> new Mp4Exception("traf", traf.offset(),
        "traf of track " + trackId + " without tfdt (CMAF fragments carry one)"));
    int tfdtVersion = r.u8(tfdt.payload());
    int timeOffset = tfdt.payload() + 4;
    long base = tfdtVersion == 1 ? r.u64(timeOffset) : r.u32(timeOffset);

    List<Sample> samples = new ArrayList<>();
    List<Integer> durationOffsets = new ArrayList<>();
    long t = base;
    for (Box trun : r.children(traf)) {
      if (!trun.type().equals("trun")) {
        continue;
      }
      int q = trun.payload();
      int version = r.u8(q);
      int flags = r.u24(q + 1);
      long count = r.u32(q + 4);
      q += 8;
      if ((flags & DATA_OFFSET) != 0) {
        q += 4;
      }
      Integer firstFlags = null;
      if ((flags & FIRST_SAMPLE_FLAGS) != 0) {
        firstFlags = r.s32(q);
        q += 4;
      }
      for (long i = 0; i < count; i++) {
        if (q > trun.end()) {
          throw new Mp4Exception("trun", trun.offset(), "sample " + i + " of " + count + " runs past the box");
        }
        long duration = defDuration;
        if ((flags & SAMPLE_DURATION) != 0) {
          durationOffsets.add(q);
          duration = r.u32(q);
          q += 4;
        }
        long size = defSize;
        if ((flags & SAMPLE_SIZE) != 0) {
          size = r.u32(q);
          q += 4;
        }
        int sampleFlags = i == 0 && firstFlags != null ? firstFlags : defFlags;
        if ((flags & SAMPLE_FLAGS) != 0) {
          sampleFlags = r.s32(q);
          q += 4;
        }
        int cto = 0;
        if ((flags & SAMPLE_CTO) != 0) {
          long raw = r.u32(q);
          cto = version == 1 ? (int) raw : (int) Math.min(raw, Integer.MAX_VALUE);
          q += 4;
        }
        if (duration < 0) {
          throw new Mp4Exception("trun", trun.offset(), "sample " + i + " has no duration (no trun, tfhd or trex value)");
        }
        samples.add(new Sample(t, duration, size, sampleFlags, cto));
        t += duration;
      }
    }
    if (!durationOffsets.isEmpty() && durationOffsets.size() != samples.size()) {
      durationOffsets.clear(); // mixed runs: not patchable sample by sample
    }
    return new TrackFragment(trackId, base, tfdtVersion, timeOffset, samples, durationOffsets, defDurationOffset);
  }
}
