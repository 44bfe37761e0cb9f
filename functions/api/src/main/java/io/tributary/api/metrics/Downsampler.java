package io.tributary.api.metrics;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.function.Function;

/**
 * Folds samples of [since, until) into at most {@code maxPoints} equal time buckets; empty buckets
 * produce no point (a gap in the chart is a gap in the publish). Pure: samples in, points out.
 */
public final class Downsampler {
  private Downsampler() {}

  public static long bucketMs(long since, long until, int maxPoints) {
    if (until <= since || maxPoints < 1) {
      throw new IllegalArgumentException("need since < until and maxPoints >= 1, got " + since + ", " + until + ", "
          + maxPoints);
    }
    return Math.max(1, (until - since + maxPoints - 1) / maxPoints);
  }

  /** Samples must be sorted by ts and lie in [since, until). */
  public static List<MetricPoint> downsample(List<MetricSample> samples, long since, long until, int maxPoints) {
    long bucket = bucketMs(since, until, maxPoints);
    List<MetricPoint> out = new ArrayList<>();
    int i = 0;
    while (i < samples.size()) {
      long index = (samples.get(i).ts() - since) / bucket;
      int j = i;
      while (j < samples.size() && (samples.get(j).ts() - since) / bucket == index) {
        j++;
      }
      out.add(fold(samples.subList(i, j), since + index * bucket));
      i = j;
    }
    return out;
  }

  private static MetricPoint fold(List<MetricSample> b, long ts) {
    MetricSample last = b.get(b.size() - 1);
    Set<String> warnings = new LinkedHashSet<>();
    Double drift = null;
    for (MetricSample s : b) {
      warnings.addAll(s.warnings());
      if (s.avDriftMs().isPresent() && (drift == null || Math.abs(s.avDriftMs().getAsDouble()) > Math.abs(drift))) {
        drift = s.avDriftMs().getAsDouble();
      }
    }
    return new MetricPoint(Instant.ofEpochMilli(ts).toString(), b.size(), mean(b, MetricSample::bitrateKbps),
        extreme(b, MetricSample::bitrateKbps, false), extreme(b, MetricSample::bitrateKbps, true),
        mean(b, MetricSample::fps), lastInt(b, MetricSample::width), lastInt(b, MetricSample::height),
        last.videoCodec().orElse(null), last.audioCodec().orElse(null), mean(b, MetricSample::keyframeIntervalMs),
        drift, warnings.isEmpty() ? null : List.copyOf(warnings));
  }

  private static Double mean(List<MetricSample> b, Function<MetricSample, OptionalDouble> f) {
    OptionalDouble avg = b.stream().map(f).filter(OptionalDouble::isPresent).mapToDouble(OptionalDouble::getAsDouble)
        .average();
    return avg.isPresent() ? Math.round(avg.getAsDouble() * 100) / 100.0 : null;
  }

  private static Double extreme(List<MetricSample> b, Function<MetricSample, OptionalDouble> f, boolean max) {
    var values = b.stream().map(f).filter(OptionalDouble::isPresent).mapToDouble(OptionalDouble::getAsDouble);
    OptionalDouble r = max ? values.max() : values.min();
    return r.isPresent() ? r.getAsDouble() : null;
  }

  private static Integer lastInt(List<MetricSample> b, Function<MetricSample, OptionalDouble> f) {
    for (int i = b.size() - 1; i >= 0; i--) {
      OptionalDouble v = f.apply(b.get(i));
      if (v.isPresent()) {
        return (int) v.getAsDouble();
      }
    }
    return null;
  }
}
