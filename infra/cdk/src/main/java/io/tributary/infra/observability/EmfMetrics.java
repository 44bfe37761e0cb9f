package io.tributary.infra.observability;

import io.tributary.core.metrics.EmfLine;
import io.tributary.core.metrics.MetricNames;
import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.cloudwatch.Metric;

/** The services' embedded-metric-format metrics as CloudWatch sees them (core {@link MetricNames}). */
public final class EmfMetrics {
  private EmfMetrics() {}

  /** {@code name} from {@code service}, one-minute periods. */
  public static Metric of(String service, String name, String statistic) {
    return Metric.Builder.create()
        .namespace(EmfLine.NAMESPACE)
        .metricName(name)
        .dimensionsMap(Map.of(MetricNames.SERVICE, service))
        .statistic(statistic)
        .period(Duration.minutes(1))
        .build();
  }
}
