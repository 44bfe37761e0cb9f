package io.tributary.api.metrics;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/** One stored ingest health sample ({@code MetricsTable}); absent numbers were not measured. */
public record MetricSample(long ts, OptionalDouble bitrateKbps, OptionalDouble fps, OptionalDouble width,
                           OptionalDouble height, Optional<String> videoCodec, Optional<String> audioCodec,
                           OptionalDouble keyframeIntervalMs, OptionalDouble avDriftMs, List<String> warnings) {
  public MetricSample {
    warnings = List.copyOf(warnings);
  }
}
