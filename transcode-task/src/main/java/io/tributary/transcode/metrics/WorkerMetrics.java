package io.tributary.transcode.metrics;

import io.tributary.core.metrics.EmfLine;
import io.tributary.core.metrics.MetricNames;
import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.DoubleAdder;

/**
 * The worker's numbers, two ways: Prometheus text for {@code /metrics} (long-running worker) and
 * one CloudWatch EMF line per job on stdout when {@code emf} is on (in AWS). Thread-safe; the
 * latency quantiles come from a bounded window of recent jobs.
 */
public final class WorkerMetrics {
  private final AtomicLong ok = new AtomicLong();
  private final AtomicLong duplicate = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();
  private final AtomicLong invalid = new AtomicLong();
  private final AtomicLong gaps = new AtomicLong();
  private final AtomicLong inFlight = new AtomicLong();
  private final DoubleAdder mediaSeconds = new DoubleAdder();
  private final DoubleAdder ffmpegSeconds = new DoubleAdder();
  private final DoubleAdder handlerSeconds = new DoubleAdder();
  private final Window latencyMs = new Window(1024);
  private final boolean emf;
  private final PrintStream out;

  public WorkerMetrics(boolean emf, PrintStream out) {
    this.emf = emf;
    this.out = out;
  }

  public void started() {
    inFlight.incrementAndGet();
  }

  public void finished() {
    inFlight.decrementAndGet();
  }

  /**
   * A job that produced and indexed its segment.
   *
   * @param latencyMs chunk enqueued to indexed, or -1 when the enqueue time is unknown
   */
  public void succeeded(double media, double ffmpeg, double handler, long latencyMs) {
    ok.incrementAndGet();
    mediaSeconds.add(media);
    ffmpegSeconds.add(ffmpeg);
    handlerSeconds.add(handler);
    if (latencyMs >= 0) {
      this.latencyMs.add(latencyMs);
    }
    if (emf) {
      EmfLine line = new EmfLine().dimension(MetricNames.SERVICE, MetricNames.TRANSCODE)
          .metric(MetricNames.REAL_TIME_FACTOR, handler > 0 ? media / handler : 0, "None");
      if (latencyMs >= 0) {
        line.metric(MetricNames.JOB_LATENCY_MS, latencyMs, "Milliseconds");
      }
      out.println(line.toJson(System.currentTimeMillis()));
    }
  }

  public void duplicate() {
    duplicate.incrementAndGet();
  }

  public void failed() {
    failed.incrementAndGet();
    if (emf) {
      out.println(new EmfLine().dimension(MetricNames.SERVICE, MetricNames.TRANSCODE)
          .metric(MetricNames.JOB_FAILURES, 1, "Count").toJson(System.currentTimeMillis()));
    }
  }

  public void invalid() {
    invalid.incrementAndGet();
  }

  public void gap() {
    gaps.incrementAndGet();
  }

  /** A quantile of chunk-enqueued-to-indexed over recent jobs, ms; NaN before the first. */
  public double latencyMs(double quantile) {
    return latencyMs.quantiles(quantile)[0];
  }

  public long succeededCount() {
    return ok.get();
  }

  public long failedCount() {
    return failed.get();
  }

  /** Prometheus text exposition format 0.0.4. */
  public String prometheus() {
    StringBuilder s = new StringBuilder();
    s.append("# HELP tributary_transcode_jobs_total Jobs handled, by outcome.\n");
    s.append("# TYPE tributary_transcode_jobs_total counter\n");
    line(s, "tributary_transcode_jobs_total{outcome=\"ok\"}", ok.get());
    line(s, "tributary_transcode_jobs_total{outcome=\"duplicate\"}", duplicate.get());
    line(s, "tributary_transcode_jobs_total{outcome=\"failed\"}", failed.get());
    line(s, "tributary_transcode_jobs_total{outcome=\"invalid\"}", invalid.get());
    s.append("# HELP tributary_transcode_gaps_total GAP records written for segments that failed for good.\n");
    s.append("# TYPE tributary_transcode_gaps_total counter\n");
    line(s, "tributary_transcode_gaps_total", gaps.get());
    s.append("# HELP tributary_transcode_jobs_in_flight Jobs being processed now.\n");
    s.append("# TYPE tributary_transcode_jobs_in_flight gauge\n");
    line(s, "tributary_transcode_jobs_in_flight", inFlight.get());
    s.append("# HELP tributary_transcode_media_seconds_total Media seconds produced.\n");
    s.append("# TYPE tributary_transcode_media_seconds_total counter\n");
    line(s, "tributary_transcode_media_seconds_total", mediaSeconds.sum());
    s.append("# HELP tributary_transcode_ffmpeg_seconds_total Wall seconds ffmpeg ran.\n");
    s.append("# TYPE tributary_transcode_ffmpeg_seconds_total counter\n");
    line(s, "tributary_transcode_ffmpeg_seconds_total", ffmpegSeconds.sum());
    s.append("# HELP tributary_transcode_job_seconds_total Wall seconds of whole jobs (download to index);"
        + " media_seconds_total / job_seconds_total is the real-time factor.\n");
    s.append("# TYPE tributary_transcode_job_seconds_total counter\n");
    line(s, "tributary_transcode_job_seconds_total", handlerSeconds.sum());
    s.append("# HELP tributary_transcode_job_latency_seconds Chunk enqueued to all renditions indexed (recent jobs).\n");
    s.append("# TYPE tributary_transcode_job_latency_seconds summary\n");
    double[] q = latencyMs.quantiles(0.5, 0.95, 0.99);
    line(s, "tributary_transcode_job_latency_seconds{quantile=\"0.5\"}", q[0] / 1000);
    line(s, "tributary_transcode_job_latency_seconds{quantile=\"0.95\"}", q[1] / 1000);
    line(s, "tributary_transcode_job_latency_seconds{quantile=\"0.99\"}", q[2] / 1000);
    line(s, "tributary_transcode_job_latency_seconds_sum", latencyMs.sum() / 1000);
    line(s, "tributary_transcode_job_latency_seconds_count", latencyMs.count());
    return s.toString();
  }

  private static void line(StringBuilder s, String name, double v) {
    s.append(name).append(' ').append(Double.isNaN(v) ? "NaN" : String.format(Locale.ROOT, "%.6g", v)).append('\n');
  }

  private static void line(StringBuilder s, String name, long v) {
    s.append(name).append(' ').append(v).append('\n');
  }
}
