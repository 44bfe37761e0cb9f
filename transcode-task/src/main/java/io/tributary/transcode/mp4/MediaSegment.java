package io.tributary.transcode.mp4;

import java.util.ArrayList;
import java.util.List;

/**
 * A CMAF media segment (one or more {@code moof}+{@code mdat} pairs) of a single track, parsed.
 * Everything the segment index and the tests need: decode time, duration, samples.
 */
public record MediaSegment(List<TrackFragment> fragments) {
  public MediaSegment {
    fragments = List.copyOf(fragments);
    if (fragments.isEmpty()) {
      throw new IllegalArgumentException("a media segment has at least one track fragment");
    }
  }

  /** tfdt of the first fragment: where this segment starts on the track timeline. */
  public long decodeTime() {
    return fragments.get(0).baseMediaDecodeTime();
  }

  /** Sum of all sample durations. */
  public long durationTs() {
    long sum = 0;
    for (TrackFragment f : fragments) {
      sum += f.durationTs();
    }
    return sum;
  }

  public List<Sample> samples() {
    List<Sample> all = new ArrayList<>();
    fragments.forEach(f -> all.addAll(f.samples()));
    return all;
  }

  public int sampleCount() {
    int n = 0;
    for (TrackFragment f : fragments) {
      n += f.samples().size();
    }
    return n;
  }

  /** Earliest presentation time over all samples (with B-frames not the first sample's). */
  public long earliestPresentationTime() {
    long min = Long.MAX_VALUE;
    for (Sample s : samples()) {
      min = Math.min(min, s.presentationTime());
    }
    return min;
  }
}
