package io.tributary.transcode.mp4;

import java.util.List;

/**
 * One {@code traf}: its track, decode time and samples, plus the byte offsets of the fields a
 * worker may rewrite in place (tfdt time, per-sample durations) so a patch never changes a size.
 *
 * @param tfdtVersion 0 (32-bit time) or 1 (64-bit time)
 * @param tfdtTimeOffset offset of the baseMediaDecodeTime field in the segment bytes
 * @param durationOffsets offset of each sample's duration field in the trun, or empty when the
 *     trun carries none (all samples take the default duration from tfhd or trex)
 * @param defaultDurationOffset offset of tfhd's default_sample_duration, or -1
 */
public record TrackFragment(int trackId, long baseMediaDecodeTime, int tfdtVersion, int tfdtTimeOffset,
                            List<Sample> samples, List<Integer> durationOffsets, int defaultDurationOffset) {
  public TrackFragment {
    samples = List.copyOf(samples);
    durationOffsets = List.copyOf(durationOffsets);
    if (!durationOffsets.isEmpty() && durationOffsets.size() != samples.size()) {
      throw new IllegalArgumentException("one duration offset per sample or none, got " + durationOffsets.size()
          + " for " + samples.size() + " samples");
    }
  }

  public long durationTs() {
    long sum = 0;
    for (Sample s : samples) {
      sum += s.duration();
    }
    return sum;
  }

  public long endDecodeTime() {
    return baseMediaDecodeTime + durationTs();
  }
}
