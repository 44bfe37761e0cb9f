package io.tributary.api.metrics;

import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/** The metrics history of a window, downsampled; {@code truncated} when the read bound was hit. */
@Serdeable
public record MetricsView(String streamId, String since, String until, long bucketMs, int samples, boolean truncated,
                          List<MetricPoint> points) {}
