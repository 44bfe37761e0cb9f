package io.tributary.api.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class DownsamplerTest {
  private static MetricSample sample(long ts, double kbps, double drift, String... warnings) {
    return new MetricSample(ts, OptionalDouble.of(kbps), OptionalDouble.of(30), OptionalDouble.of(1920),
        OptionalDouble.of(1080), Optional.of("avc1"), Optional.of("mp4a.40.2"), OptionalDouble.empty(),
        OptionalDouble.of(drift), List.of(warnings));
  }

  @Test
  void neverMoreThanMaxPointsForAnyWindow() {
    List<MetricSample> samples = new ArrayList<>();
    for (int i = 0; i < 10_000; i++) {
      samples.add(sample(i * 7L, i, 0));
    }
    for (int max : new int[] {1, 7, 120, 999}) {
      List<MetricPoint> points = Downsampler.downsample(samples, 0, 70_000, max);
      assertTrue(points.size() <= max, max + " -> " + points.size());
      assertEquals(10_000, points.stream().mapToInt(MetricPoint::samples).sum());
    }
  }

  @Test
  void foldsMeanExtremesLargestDriftAndWarnings() {
    List<MetricPoint> p = Downsampler.downsample(List.of(sample(0, 100, -5, "a"), sample(10, 300, 40, "b", "a"),
        sample(20, 200, -60)), 0, 30, 1);
    assertEquals(1, p.size());
    assertEquals(200.0, p.get(0).bitrateKbps());
    assertEquals(100.0, p.get(0).bitrateKbpsMin());
    assertEquals(300.0, p.get(0).bitrateKbpsMax());
    assertEquals(-60.0, p.get(0).avDriftMs());
    assertEquals(List.of("a", "b"), p.get(0).warnings());
    assertNull(p.get(0).keyframeIntervalMs());
    assertEquals("1970-01-01T00:00:00Z", p.get(0).ts());
  }

  @Test
  void emptyBucketsLeaveGaps() {
    List<MetricPoint> p = Downsampler.downsample(List.of(sample(0, 1, 0), sample(90, 2, 0)), 0, 100, 10);
    assertEquals(2, p.size());
    assertEquals("1970-01-01T00:00:00.090Z", p.get(1).ts());
  }

  @Test
  void rejectsEmptyWindow() {
    assertThrows(IllegalArgumentException.class, () -> Downsampler.bucketMs(10, 10, 5));
  }
}
