package io.tributary.api.bench;

import java.util.Arrays;

/** Latency summary of one series, in microseconds. */
record Percentiles(String name, int n, long p50, long p90, long p99, long max) {
  static Percentiles of(String name, long[] nanos) {
    long[] s = nanos.clone();
    Arrays.sort(s);
    return new Percentiles(name, s.length, at(s, 0.50), at(s, 0.90), at(s, 0.99), s[s.length - 1] / 1000);
  }

  private static long at(long[] sorted, double q) {
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)] / 1000;
  }

  String row(Percentiles baseline) {
    return String.format("| %-34s | %6d | %8.2f | %8.2f | %8.2f | %8.2f | %6.2fx |", name, n, p50 / 1000.0, p90 / 1000.0,
        p99 / 1000.0, max / 1000.0, (double) p99 / baseline.p99);
  }
}
