package io.tributary.playlist.service;

import io.tributary.core.metrics.EmfLine;
import io.tributary.core.metrics.MetricNames;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Request counters and render time: Prometheus text on {@code /metrics} for the local server,
 * and in Lambda one CloudWatch EMF line per manifest request on stdout (namespace Tributary,
 * dimensions Service=playlist and Kind; no stream id as a dimension).
 */
public final class PlaylistMetrics {
  private final boolean emf;
  private final Map<String, LongAdder> requests = new ConcurrentHashMap<>();
  private final LongAdder renderNanos = new LongAdder();
  private final LongAdder renders = new LongAdder();
  private final LongAdder mediaBytes = new LongAdder();
  private final LongAdder targetRaised = new LongAdder();
  private volatile double liveEdgeAgeSeconds = Double.NaN;

  public PlaylistMetrics() {
    this(false);
  }

  /** @param emf write EMF lines (in Lambda, where stdout goes to CloudWatch Logs) */
  public PlaylistMetrics(boolean emf) {
    this.emf = emf;
  }

  public void request(String kind, int status) {
    requests.computeIfAbsent(kind + "\n" + status, k -> new LongAdder()).increment();
  }

  public void rendered(long nanos) {
    renderNanos.add(nanos);
    renders.increment();
  }

  /** One manifest answered: counted, and as an EMF record when running in Lambda. */
  public void manifest(String kind, int status, long nanos) {
    request(kind, status);
    rendered(nanos);
    if (emf) {
      System.out.println(new EmfLine().dimension("Service", "playlist").dimension("Kind", kind)
          .metric("ManifestRequests", 1, "Count").metric(status >= 400 ? "ManifestErrors" : "ManifestOk", 1, "Count")
          .metric("ManifestRenderMs", nanos / 1e6, "Milliseconds").property("status", status)
          .toJson(System.currentTimeMillis()));
    }
  }

  /**
   * Age of the newest segment a live manifest listed (capture time + duration to now). In Lambda
   * an EMF line with only the Service dimension, as the CDK manifest-age alarm and dashboard read it.
   */
  public void liveEdgeAge(double seconds) {
    liveEdgeAgeSeconds = seconds;
    if (emf) {
      System.out.println(new EmfLine().dimension(MetricNames.SERVICE, MetricNames.PLAYLIST)
          .metric(MetricNames.MANIFEST_AGE_SECONDS, seconds, "Seconds").toJson(System.currentTimeMillis()));
    }
  }

  /**
   * A manifest listed a segment longer than its session's target duration bound, so its
   * EXT-X-TARGETDURATION had to be raised (the encoder's keyframe interval overruns the configured
   * segment duration; ingest's health warnings name it). In Lambda an EMF count.
   */
  public void targetRaised() {
    targetRaised.increment();
    if (emf) {
      System.out.println(new EmfLine().dimension("Service", "playlist").metric("TargetDurationRaised", 1, "Count")
          .toJson(System.currentTimeMillis()));
    }
  }

  public void mediaBytes(long n) {
    mediaBytes.add(n);
  }

  public long totalRequests() {
    return requests.values().stream().mapToLong(LongAdder::sum).sum();
  }

  /** Prometheus text exposition format 0.0.4. */
  public String prometheus() {
    StringBuilder out = new StringBuilder();
    out.append("# HELP tributary_playlist_requests_total Manifest, media and page requests by kind and status.\n");
    out.append("# TYPE tributary_playlist_requests_total counter\n");
    requests.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
      String[] k = e.getKey().split("\n");
      out.append("tributary_playlist_requests_total{kind=\"").append(k[0]).append("\",status=\"").append(k[1])
          .append("\"} ").append(e.getValue().sum()).append('\n');
    });
    out.append("# HELP tributary_playlist_render_seconds Time to read the index and render a manifest.\n");
    out.append("# TYPE tributary_playlist_render_seconds summary\n");
    out.append("tributary_playlist_render_seconds_sum ").append(renderNanos.sum() / 1e9).append('\n');
    out.append("tributary_playlist_render_seconds_count ").append(renders.sum()).append('\n');
    out.append("# HELP tributary_playlist_media_bytes_total Segment bytes served from S3 by the local server.\n");
    out.append("# TYPE tributary_playlist_media_bytes_total counter\n");
    out.append("tributary_playlist_media_bytes_total ").append(mediaBytes.sum()).append('\n');
    out.append("# HELP tributary_playlist_target_raised_total Manifests whose target duration a segment overran.\n");
    out.append("# TYPE tributary_playlist_target_raised_total counter\n");
    out.append("tributary_playlist_target_raised_total ").append(targetRaised.sum()).append('\n');
    if (!Double.isNaN(liveEdgeAgeSeconds)) {
      out.append("# HELP tributary_playlist_live_edge_age_seconds Age of the newest segment in the last live manifest.\n");
      out.append("# TYPE tributary_playlist_live_edge_age_seconds gauge\n");
      out.append("tributary_playlist_live_edge_age_seconds ").append(liveEdgeAgeSeconds).append('\n');
    }
    return out.toString();
  }
}
