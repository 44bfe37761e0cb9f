package io.tributary.ingest.server;

import io.tributary.core.metrics.EmfLine;
import io.tributary.core.metrics.MetricNames;
import io.tributary.ingest.sink.Uploader;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/** Process counters and gauges, rendered in the Prometheus text exposition format (version 0.0.4). */
public final class IngestMetrics {
  final AtomicInteger connections = new AtomicInteger();
  final AtomicInteger publishers = new AtomicInteger();
  final LongAdder accepted = new LongAdder();
  final LongAdder mediaBytes = new LongAdder();
  final LongAdder mediaMessages = new LongAdder();
  final LongAdder protocolErrors = new LongAdder();
  final LongAdder healthWriteFailures = new LongAdder();
  private final Map<String, LongAdder> rejectedConnections = new ConcurrentHashMap<>();
  private final Map<String, LongAdder> refusedPublishes = new ConcurrentHashMap<>();
  private final Map<String, LongAdder> endedSessions = new ConcurrentHashMap<>();

  void rejectedConnection(String reason) {
    rejectedConnections.computeIfAbsent(reason, k -> new LongAdder()).increment();
  }

  void refusedPublish(String reason) {
    refusedPublishes.computeIfAbsent(reason, k -> new LongAdder()).increment();
  }

  void endedSession(String reason) {
    endedSessions.computeIfAbsent(reason, k -> new LongAdder()).increment();
  }

  public int connections() {
    return connections.get();
  }

  /** This task's publishers as one EMF record, written once a minute in AWS (the CDK dashboard sums tasks). */
  public String activePublishersEmf(long nowMs) {
    return new EmfLine().dimension(MetricNames.SERVICE, MetricNames.INGEST)
        .metric(MetricNames.ACTIVE_PUBLISHERS, publishers(), "Count").toJson(nowMs);
  }

  public int publishers() {
    return publishers.get();
  }

  public long mediaBytes() {
    return mediaBytes.sum();
  }

  public long refused(String reason) {
    LongAdder a = refusedPublishes.get(reason);
    return a == null ? 0 : a.sum();
  }

  public long rejected(String reason) {
    LongAdder a = rejectedConnections.get(reason);
    return a == null ? 0 : a.sum();
  }

  public long protocolErrors() {
    return protocolErrors.sum();
  }

  public String render(Uploader up, long chunkBufferBytes) {
    StringBuilder b = new StringBuilder(2048);
    gauge(b, "tributary_ingest_chunk_buffer_bytes", "Heap reserved by the chunks being filled", chunkBufferBytes);
    gauge(b, "tributary_ingest_connections", "Open RTMP connections", connections.get());
    gauge(b, "tributary_ingest_publishers", "Connections currently publishing", publishers.get());
    counter(b, "tributary_ingest_connections_accepted_total", "Connections accepted", accepted.sum());
    counter(b, "tributary_ingest_media_bytes_total", "Audio/video payload bytes received", mediaBytes.sum());
    counter(b, "tributary_ingest_media_messages_total", "Audio/video messages received", mediaMessages.sum());
    counter(b, "tributary_ingest_protocol_errors_total", "Connections dropped for a protocol violation",
        protocolErrors.sum());
    labelled(b, "tributary_ingest_connections_rejected_total", "Connections refused at accept", "reason",
        rejectedConnections);
    labelled(b, "tributary_ingest_publish_refused_total", "Publish attempts refused", "reason", refusedPublishes);
    labelled(b, "tributary_ingest_sessions_ended_total", "Publish sessions ended", "reason", endedSessions);
    counter(b, "tributary_ingest_health_write_failures_total", "Health samples not written", healthWriteFailures.sum());
    counter(b, "tributary_ingest_chunks_total", "Chunks uploaded with their job sent", up.chunksSent());
    counter(b, "tributary_ingest_chunk_bytes_total", "Chunk bytes uploaded", up.bytesSent());
    counter(b, "tributary_ingest_upload_retries_total", "Failed upload steps retried", up.retries());
    counter(b, "tributary_ingest_chunks_spilled_total", "Chunks spilled to local disk", up.spilled());
    counter(b, "tributary_ingest_chunks_lost_total", "Chunks given up (overflow or retries exhausted)", up.lost());
    counter(b, "tributary_ingest_overflows_total", "Streams dropped because their buffer was full", up.overflows());
    gauge(b, "tributary_ingest_buffer_memory_bytes", "Chunk bytes waiting in memory", up.memoryInUse());
    gauge(b, "tributary_ingest_chunk_pool_free_bytes", "Free chunk blocks kept for reuse", up.blocks().freeBytes());
    gauge(b, "tributary_ingest_buffer_disk_bytes", "Chunk bytes waiting on disk", up.diskInUse());
    b.append("# HELP tributary_ingest_chunk_to_job_ms Chunk closed to job accepted by SQS (recent)\n");
    b.append("# TYPE tributary_ingest_chunk_to_job_ms summary\n");
    for (double q : new double[] {0.5, 0.95, 0.99}) {
      b.append("tributary_ingest_chunk_to_job_ms{quantile=\"").append(q).append("\"} ")
          .append(up.closeToJob().quantile(q)).append('\n');
    }
    b.append("tributary_ingest_chunk_to_job_ms_sum ").append(up.closeToJob().sumMs()).append('\n');
    b.append("tributary_ingest_chunk_to_job_ms_count ").append(up.closeToJob().count()).append('\n');
    return b.toString();
  }

  private static void gauge(StringBuilder b, String name, String help, long v) {
    b.append("# HELP ").append(name).append(' ').append(help).append("\n# TYPE ").append(name).append(" gauge\n")
        .append(name).append(' ').append(v).append('\n');
  }

  private static void counter(StringBuilder b, String name, String help, long v) {
    b.append("# HELP ").append(name).append(' ').append(help).append("\n# TYPE ").append(name).append(" counter\n")
        .append(name).append(' ').append(v).append('\n');
  }

  private static void labelled(StringBuilder b, String name, String help, String label, Map<String, LongAdder> m) {
    b.append("# HELP ").append(name).append(' ').append(help).append("\n# TYPE ").append(name).append(" counter\n");
    m.forEach((k, v) -> b.append(name).append('{').append(label).append("=\"").append(k).append("\"} ")
        .append(v.sum()).append('\n'));
  }
}
