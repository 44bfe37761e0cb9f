package io.tributary.api.ops;

import jakarta.inject.Singleton;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Request counters by status class and a latency histogram, rendered in the Prometheus text
 * format (exposition format 0.0.4). Buckets in seconds.
 */
@Singleton
public class RequestStats {
  static final double[] BUCKETS = {0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5};
  private final Map<String, LongAdder> byStatus = new ConcurrentHashMap<>();
  private final LongAdder[] buckets = new LongAdder[BUCKETS.length];
  private final LongAdder count = new LongAdder();
  private final LongAdder sumMicros = new LongAdder();

  public RequestStats() {
    for (int i = 0; i < buckets.length; i++) {
      buckets[i] = new LongAdder();
    }
  }

  public void record(int status, long nanos) {
    byStatus.computeIfAbsent(status / 100 + "xx", k -> new LongAdder()).increment();
    double s = nanos / 1e9;
    for (int i = 0; i < BUCKETS.length; i++) {
      if (s <= BUCKETS[i]) {
        buckets[i].increment();
      }
    }
    count.increment();
    sumMicros.add(nanos / 1000);
  }

  public String prometheus() {
    StringBuilder b = new StringBuilder();
    b.append("# HELP tributary_api_requests_total API requests by status class\n");
    b.append("# TYPE tributary_api_requests_total counter\n");
    new java.util.TreeMap<>(byStatus).forEach((k, v) ->
        b.append("tributary_api_requests_total{status=\"").append(k).append("\"} ").append(v.sum()).append('\n'));
    b.append("# HELP tributary_api_request_seconds API request latency\n");
    b.append("# TYPE tributary_api_request_seconds histogram\n");
    for (int i = 0; i < BUCKETS.length; i++) {
      b.append("tributary_api_request_seconds_bucket{le=\"").append(BUCKETS[i]).append("\"} ")
          .append(buckets[i].sum()).append('\n');
    }
    b.append("tributary_api_request_seconds_bucket{le=\"+Inf\"} ").append(count.sum()).append('\n');
    b.append("tributary_api_request_seconds_sum ").append(sumMicros.sum() / 1e6).append('\n');
    b.append("tributary_api_request_seconds_count ").append(count.sum()).append('\n');
    return b.toString();
  }
}
