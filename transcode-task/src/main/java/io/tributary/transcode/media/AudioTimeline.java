package io.tributary.transcode.media;

import io.tributary.transcode.mp4.Sample;
import java.util.List;

/**
 * Puts AAC frames back on their exact sample grid. FLV stamps every frame with a rounded
 * millisecond, so a remux writes 1003/1024/1045-sample durations and each chunk starts up to
 * half a millisecond off; stitched segment after segment that is audible jitter and, summed in a
 * player, drift. An AAC-LC frame is exactly 1024 samples (ISO/IEC 14496-3 §4.5.1.1), so the frame
 * index is what matters: it is estimated from every frame's timestamp in the chunk (the median
 * offset cancels the rounding of single stamps and ignores a gap) and rounded to the grid anchored at time 0 of
 * the session. Frame n always lands at n*1024 whichever worker handles which chunk, so
 * consecutive chunks join to the sample and nothing accumulates over hours.
 */
public final class AudioTimeline {
  public static final int AAC_FRAME_SAMPLES = 1024;

  private AudioTimeline() {}

  /**
   * The decode time, in the track timescale, of the first of {@code samples}.
   *
   * @param samples frames as remuxed from FLV (ms-rounded decode times, in {@code timescale})
   * @param frameDuration one frame in the timescale: 1024 when the timescale is the sample rate
   */
  public static long snappedDecodeTime(List<Sample> samples, long frameDuration) {
    if (samples.isEmpty()) {
      throw new IllegalArgumentException("no audio samples to place");
    }
    if (frameDuration <= 0) {
      throw new IllegalArgumentException("frame duration must be positive, got " + frameDuration);
    }
    // Each frame k implies a start for frame 0; the median ignores a gap in the chunk.
    long[] implied = new long[samples.size()];
    for (int k = 0; k < implied.length; k++) {
      implied[k] = samples.get(k).decodeTime() - k * frameDuration;
    }
    java.util.Arrays.sort(implied);
    int mid = implied.length / 2;
    double start = implied.length % 2 == 1 ? implied[mid] : (implied[mid - 1] + implied[mid]) / 2.0;
    return Math.round(start / frameDuration) * frameDuration;
  }

  /** One AAC frame in a timescale; the timescale must be a multiple of the rate's 1024th. */
  public static long frameDuration(long timescale, int sampleRate) {
    long num = (long) AAC_FRAME_SAMPLES * timescale;
    if (sampleRate <= 0 || num % sampleRate != 0) {
      throw new IllegalArgumentException("an AAC frame is not a whole number of ticks: timescale " + timescale
          + ", sample rate " + sampleRate);
    }
    return num / sampleRate;
  }
}
