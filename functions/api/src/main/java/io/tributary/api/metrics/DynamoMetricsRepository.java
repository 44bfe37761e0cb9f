package io.tributary.api.metrics;

import io.tributary.core.resources.MetricsTable;
import io.tributary.core.resources.ResourceNames;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

@Singleton
public class DynamoMetricsRepository implements MetricsRepository {
  private final DynamoDbClient dynamo;
  private final String table;

  public DynamoMetricsRepository(DynamoDbClient dynamo, ResourceNames names) {
    this.dynamo = dynamo;
    this.table = names.metricsTable();
  }

  @Override
  public SampleWindow read(String streamId, long sinceMs, long untilMs, int maxSamples) {
    List<MetricSample> out = new ArrayList<>();
    Map<String, AttributeValue> start = null;
    do {
      Map<String, AttributeValue> from = start;
      int want = Math.min(1000, maxSamples - out.size());
      // [since, until): BETWEEN is inclusive, so the upper bound is until - 1.
      var res = dynamo.query(b -> b.tableName(table).keyConditionExpression("#s = :s AND #ts BETWEEN :a AND :b")
          .expressionAttributeNames(Map.of("#s", MetricsTable.STREAM_ID, "#ts", MetricsTable.TS))
          .expressionAttributeValues(Map.of(":s", AttributeValue.fromS(streamId),
              ":a", AttributeValue.fromN(Long.toString(sinceMs)), ":b", AttributeValue.fromN(Long.toString(untilMs - 1))))
          .limit(want).exclusiveStartKey(from));
      res.items().forEach(i -> out.add(fromItem(i)));
      start = res.hasLastEvaluatedKey() && !res.lastEvaluatedKey().isEmpty() ? res.lastEvaluatedKey() : null;
    } while (start != null && out.size() < maxSamples);
    return new SampleWindow(out, start != null);
  }

  static Map<String, AttributeValue> toItem(String streamId, MetricSample s) {
    Map<String, AttributeValue> item = new HashMap<>();
    item.put(MetricsTable.STREAM_ID, AttributeValue.fromS(streamId));
    item.put(MetricsTable.TS, AttributeValue.fromN(Long.toString(s.ts())));
    s.bitrateKbps().ifPresent(v -> item.put(MetricsTable.BITRATE_KBPS, n(v)));
    s.fps().ifPresent(v -> item.put(MetricsTable.FPS, n(v)));
    s.width().ifPresent(v -> item.put(MetricsTable.WIDTH, n(v)));
    s.height().ifPresent(v -> item.put(MetricsTable.HEIGHT, n(v)));
    s.videoCodec().ifPresent(v -> item.put(MetricsTable.VIDEO_CODEC, AttributeValue.fromS(v)));
    s.audioCodec().ifPresent(v -> item.put(MetricsTable.AUDIO_CODEC, AttributeValue.fromS(v)));
    s.keyframeIntervalMs().ifPresent(v -> item.put(MetricsTable.KEYFRAME_INTERVAL_MS, n(v)));
    s.avDriftMs().ifPresent(v -> item.put(MetricsTable.AV_DRIFT_MS, n(v)));
    if (!s.warnings().isEmpty()) {
      item.put(MetricsTable.WARNINGS, AttributeValue.fromL(s.warnings().stream().map(AttributeValue::fromS).toList()));
    }
    return item;
  }

  static MetricSample fromItem(Map<String, AttributeValue> item) {
    AttributeValue w = item.get(MetricsTable.WARNINGS);
    List<String> warnings = w == null ? List.of()
        : w.hasL() ? w.l().stream().map(AttributeValue::s).filter(x -> x != null).toList()
        : w.hasSs() ? w.ss() : List.of();
    return new MetricSample(Long.parseLong(item.get(MetricsTable.TS).n()), num(item, MetricsTable.BITRATE_KBPS),
        num(item, MetricsTable.FPS), num(item, MetricsTable.WIDTH), num(item, MetricsTable.HEIGHT),
        str(item, MetricsTable.VIDEO_CODEC), str(item, MetricsTable.AUDIO_CODEC),
        num(item, MetricsTable.KEYFRAME_INTERVAL_MS), num(item, MetricsTable.AV_DRIFT_MS), warnings);
  }

  private static AttributeValue n(double v) {
    return AttributeValue.fromN(v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v));
  }

  private static OptionalDouble num(Map<String, AttributeValue> item, String name) {
    AttributeValue v = item.get(name);
    return v == null || v.n() == null ? OptionalDouble.empty() : OptionalDouble.of(Double.parseDouble(v.n()));
  }

  private static Optional<String> str(Map<String, AttributeValue> item, String name) {
    AttributeValue v = item.get(name);
    return v == null ? Optional.empty() : Optional.ofNullable(v.s());
  }
}
