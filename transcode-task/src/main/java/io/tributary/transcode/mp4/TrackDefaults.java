package io.tributary.transcode.mp4;

/** Defaults from {@code trex} (ISO/IEC 14496-12 §8.8.3); -1 means "not given". */
public record TrackDefaults(long duration, long size, int flags) {
  public static final TrackDefaults NONE = new TrackDefaults(-1, 0, 0);
}
