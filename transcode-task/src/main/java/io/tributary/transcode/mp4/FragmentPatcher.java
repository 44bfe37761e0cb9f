package io.tributary.transcode.mp4;

/**
 * Rewrites the timing of a media segment in place, without changing any size: the tfdt of each
 * fragment and the duration of each sample. Used for AAC, whose frames are exactly
 * {@code samplesPerFrame} long while FLV timestamps are rounded to milliseconds.
 */
public final class FragmentPatcher {
  private FragmentPatcher() {}

  /**
   * Sets the first fragment's decode time to {@code decodeTime} and every sample's duration to
   * {@code sampleDuration}; later fragments follow on contiguously.
   *
   * @return the patched segment, re-parsed from the patched bytes
   */
  public static MediaSegment constantDuration(byte[] media, MediaSegment parsed, long decodeTime, long sampleDuration) {
    long t = decodeTime;
    for (TrackFragment f : parsed.fragments()) {
      writeTime(media, f, t);
      if (!f.durationOffsets().isEmpty()) {
        for (int off : f.durationOffsets()) {
          writeU32(media, off, sampleDuration);
        }
      } else if (f.defaultDurationOffset() >= 0) {
        writeU32(media, f.defaultDurationOffset(), sampleDuration);
      } else {
        throw new Mp4Exception("traf", 0, "track " + f.trackId() + " has no duration field to patch");
      }
      t += sampleDuration * f.samples().size();
    }
    return FragmentParser.parse(media);
  }

  private static void writeTime(byte[] media, TrackFragment f, long t) {
    if (f.tfdtVersion() == 1) {
      writeU32(media, f.tfdtTimeOffset(), t >>> 32);
      writeU32(media, f.tfdtTimeOffset() + 4, t & 0xffff_ffffL);
    } else {
      if (t > 0xffff_ffffL) {
        throw new Mp4Exception("tfdt", f.tfdtTimeOffset(), "decode time " + t + " does not fit a version-0 tfdt");
      }
      writeU32(media, f.tfdtTimeOffset(), t);
    }
  }

  private static void writeU32(byte[] b, int off, long v) {
    b[off] = (byte) (v >>> 24);
    b[off + 1] = (byte) (v >>> 16);
    b[off + 2] = (byte) (v >>> 8);
    b[off + 3] = (byte) v;
  }
}
