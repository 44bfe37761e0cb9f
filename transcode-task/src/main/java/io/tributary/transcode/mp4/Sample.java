package io.tributary.transcode.mp4;

/**
 * One sample of a track fragment with its timing resolved (ISO/IEC 14496-12 §8.8.8 trun).
 *
 * @param decodeTime decode time in the track timescale (tfdt plus the durations before it)
 * @param duration sample duration in the track timescale
 * @param size bytes in mdat
 * @param flags sample flags (§8.8.3.1): depends_on in bits 24-25, is_non_sync_sample bit 16
 * @param compositionOffset presentation minus decode time; negative only in a version-1 trun
 */
public record Sample(long decodeTime, long duration, long size, int flags, int compositionOffset) {
  private static final int NON_SYNC = 0x0001_0000;

  /** A sync sample (for video an IDR): sample_is_non_sync_sample clear. */
  public boolean isSync() {
    return (flags & NON_SYNC) == 0;
  }

  public long presentationTime() {
    return decodeTime + compositionOffset;
  }
}
