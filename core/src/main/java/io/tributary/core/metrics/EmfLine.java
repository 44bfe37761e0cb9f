package io.tributary.core.metrics;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One CloudWatch embedded-metric-format record: a JSON log line that CloudWatch Logs turns into
 * metrics without any API call (https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/CloudWatch_Embedded_Metric_Format_Specification.html).
 * Every service writes these to stdout in AWS under namespace {@link #NAMESPACE}; the CDK
 * dashboard reads the same metric names.
 */
public final class EmfLine {
  public static final String NAMESPACE = "Tributary";
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final Map<String, String> dimensions = new LinkedHashMap<>();
  private final Map<String, Number> values = new LinkedHashMap<>();
  private final Map<String, String> units = new LinkedHashMap<>();
  private final Map<String, Object> properties = new LinkedHashMap<>();

  /** A dimension, e.g. {@code Service=ingest}. Keep cardinality low: never a stream id. */
  public EmfLine dimension(String name, String value) {
    dimensions.put(name, value);
    return this;
  }

  /** A metric value with a CloudWatch unit ({@code Count}, {@code Milliseconds}, {@code Bytes}, {@code None}...). */
  public EmfLine metric(String name, Number value, String unit) {
    values.put(name, value);
    units.put(name, unit);
    return this;
  }

  /** A searchable property that is not a metric (stream id, session id). */
  public EmfLine property(String name, Object value) {
    properties.put(name, value);
    return this;
  }

  public String toJson(long timestampMs) {
    List<Map<String, String>> metrics = new ArrayList<>();
    units.forEach((n, u) -> metrics.add(Map.of("Name", n, "Unit", u)));
    Map<String, Object> directive = new LinkedHashMap<>();
    directive.put("Namespace", NAMESPACE);
    directive.put("Dimensions", List.of(new ArrayList<>(dimensions.keySet())));
    directive.put("Metrics", metrics);
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("_aws", Map.of("Timestamp", timestampMs, "CloudWatchMetrics", List.of(directive)));
    root.putAll(properties);
    root.putAll(dimensions);
    root.putAll(values);
    try {
      return MAPPER.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
