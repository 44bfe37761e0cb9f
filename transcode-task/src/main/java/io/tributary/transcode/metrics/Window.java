package io.tributary.transcode.metrics;

import java.util.Arrays;

/** The last {@code capacity} values of a measurement, for quantiles; plus all-time sum and count. */
final class Window {
  private final double[] values;
  private long count;
  private double sum;

  Window(int capacity) {
    this.values = new double[capacity];
  }

  synchronized void add(double v) {
    values[(int) (count % values.length)] = v;
    count++;
    sum += v;
  }

  synchronized long count() {
    return count;
  }

  synchronized double sum() {
    return sum;
  }

  /** Nearest-rank quantiles over the window; NaN when empty. */
  synchronized double[] quantiles(double... qs) {
    int n = (int) Math.min(count, values.length);
    double[] out = new double[qs.length];
    if (n == 0) {
      Arrays.fill(out, Double.NaN);
      return out;
    }
    double[] sorted = Arrays.copyOf(values, n);
    Arrays.sort(sorted);
    for (int i = 0; i < qs.length; i++) {
      int rank = (int) Math.ceil(qs[i] * n);
      out[i] = sorted[Math.max(0, Math.min(n - 1, rank - 1))];
    }
    return out;
  }
}
