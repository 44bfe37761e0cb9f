package io.tributary.api.metrics;

import java.util.List;

public interface MetricsRepository {
  /** A window of samples, oldest first, reading at most {@code maxSamples}. */
  SampleWindow read(String streamId, long sinceMs, long untilMs, int maxSamples);

  record SampleWindow(List<MetricSample> samples, boolean truncated) {
    public SampleWindow {
      samples = List.copyOf(samples);
    }
  }
}
