package io.tributary.transcode.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.List;
import org.junit.jupiter.api.Test;

class WorkerMetricsTest {
  @Test
  void prometheusTextHasCountersAndLatencyQuantiles() {
    WorkerMetrics m = new WorkerMetrics(false, System.out);
    for (int i = 1; i <= 100; i++) {
      m.succeeded(2.0, 0.5, 1.0, i * 10L);
    }
    m.failed();
    m.gap();
    m.duplicate();
    String text = m.prometheus();
    assertTrue(text.contains("tributary_transcode_jobs_total{outcome=\"ok\"} 100\n"), text);
    assertTrue(text.contains("tributary_transcode_jobs_total{outcome=\"failed\"} 1\n"));
    assertTrue(text.contains("tributary_transcode_jobs_total{outcome=\"duplicate\"} 1\n"));
    assertTrue(text.contains("tributary_transcode_gaps_total 1\n"));
    assertTrue(text.contains("tributary_transcode_job_latency_seconds{quantile=\"0.95\"} 0.950000\n"), text);
    assertTrue(text.contains("tributary_transcode_media_seconds_total 200.000\n"), text);
    assertEquals(950, m.latencyMs(0.95));
    for (String line : text.split("\n")) {
      assertTrue(line.startsWith("# ") || line.matches("[a-z_]+(\\{[a-z]+=\"[^\"]+\"})? [-0-9.eE+]+|.* NaN"), line);
    }
  }

  @Test
  void emfLinesCarryTheSharedMetricNames() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    WorkerMetrics m = new WorkerMetrics(true, new PrintStream(out, true));
    m.succeeded(2.0, 0.5, 1.0, 1500);
    m.failed();
    List<String> lines = out.toString().lines().toList();
    assertEquals(2, lines.size());
    assertTrue(lines.get(0).contains("\"RealTimeFactor\":2.0") && lines.get(0).contains("\"JobLatencyMs\":1500"), lines.get(0));
    assertTrue(lines.get(0).contains("\"Service\":\"transcode\""));
    assertTrue(lines.get(1).contains("\"JobFailures\":1"), lines.get(1));
  }
}
