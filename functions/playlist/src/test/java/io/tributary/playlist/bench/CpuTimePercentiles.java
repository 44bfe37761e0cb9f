package io.tributary.playlist.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Companion to {@link RenderBenchmark} for an oversubscribed machine: per-operation percentiles
 * of the benchmark thread's CPU time (which excludes time spent waiting for a core) next to wall
 * time, for the same operations and baselines. Bounded: 3,000 warm-up + 5,000 measured ops each.
 * Run: see BENCHMARKS.md.
 */
public final class CpuTimePercentiles {
  private CpuTimePercentiles() {}

  public static void main(String[] args) {
    RenderBenchmark b = new RenderBenchmark();
    b.setup();
    Map<String, Supplier<String>> ops = new LinkedHashMap<>();
    ops.put("dvrMediaPlaylist", b::dvrMediaPlaylist);
    ops.put("dvrMpd", b::dvrMpd);
    ops.put("dvrSelectAndRender", b::dvrSelectAndRender);
    ops.put("liveMediaPlaylist (baseline)", b::liveMediaPlaylist);
    ops.put("copySameBytes (baseline)", b::copySameBytes);
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    long sink = 0;
    for (var op : ops.entrySet()) {
      for (int i = 0; i < 3000; i++) {
        sink += op.getValue().get().length();
      }
      int n = 5000;
      long[] cpu = new long[n];
      long[] wall = new long[n];
      for (int i = 0; i < n; i++) {
        long c0 = mx.getCurrentThreadCpuTime();
        long w0 = System.nanoTime();
        sink += op.getValue().get().length();
        wall[i] = System.nanoTime() - w0;
        cpu[i] = mx.getCurrentThreadCpuTime() - c0;
      }
      Arrays.sort(cpu);
      Arrays.sort(wall);
      System.out.printf("%-30s cpu p50 %8.1f us  p99 %8.1f us  p99.9 %8.1f us | wall p50 %8.1f us  p99 %8.1f us%n",
          op.getKey(), cpu[n / 2] / 1e3, cpu[n * 99 / 100] / 1e3, cpu[n * 999 / 1000] / 1e3, wall[n / 2] / 1e3,
          wall[n * 99 / 100] / 1e3);
    }
    System.out.println("(sink " + sink + ")");
  }
}
