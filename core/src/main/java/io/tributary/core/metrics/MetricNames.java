package io.tributary.core.metrics;

/**
 * The embedded-metric-format metrics that services emit with {@link EmfLine} and that the CDK
 * dashboard and alarms read (namespace {@link EmfLine#NAMESPACE}). Every line carries exactly one
 * dimension, {@link #SERVICE}, so a name here plus a service value is the whole metric identity;
 * a metric emitted with other dimensions is a different metric to CloudWatch and the dashboard
 * would not see it.
 */
public final class MetricNames {
  /** The one dimension: which service emitted the line. */
  public static final String SERVICE = "Service";
  public static final String INGEST = "ingest";
  public static final String TRANSCODE = "transcode";
  public static final String PLAYLIST = "playlist";
  public static final String API = "api";

  /** Ingest, Count: publishers connected to this task, emitted once a minute per task (the dashboard sums). */
  public static final String ACTIVE_PUBLISHERS = "ActivePublishers";
  /** Ingest, Kilobits/Second: measured bitrate of a chunk, one value per closed chunk. */
  public static final String INGEST_BITRATE_KBPS = "IngestBitrateKbps";
  /** Transcode, None: media seconds transcoded per wall-clock second, one value per job. */
  public static final String REAL_TIME_FACTOR = "RealTimeFactor";
  /** Transcode, Milliseconds: chunk enqueued to every rendition indexed, one value per job. */
  public static final String JOB_LATENCY_MS = "JobLatencyMs";
  /** Transcode, Count: 1 per failed attempt of a job. */
  public static final String JOB_FAILURES = "JobFailures";
  /** Playlist, Seconds: age of the newest listed segment when a live manifest is rendered. */
  public static final String MANIFEST_AGE_SECONDS = "ManifestAgeSeconds";

  private MetricNames() {}
}
