package io.tributary.infra.config;

import software.amazon.awscdk.services.lambda.Runtime;

/**
 * What this app assumes about the services it deploys: handler classes, ports and the
 * environment variables they read beyond {@code ResourceNames.ENV}. One place to change when a
 * service changes; every construct reads from here.
 */
public final class ServiceContract {
  /** functions/api: Micronaut's HTTP API payload 2.0 function, subclassed. */
  public static final String API_HANDLER = "io.tributary.api.lambda.ApiHandler::handleRequest";
  /** functions/playlist: the same Micronaut function; Function URLs send payload 2.0 too. */
  public static final String PLAYLIST_HANDLER = "io.tributary.playlist.PlaylistLambda::handleRequest";
  /** transcode-task: the SQS handler (partial batch failures) around the worker's job processor. */
  public static final String TRANSCODE_HANDLER = "io.tributary.transcode.lambda.SqsJobHandler::handleRequest";

  /**
   * Java runtime of every function: 21 has SnapStart and the services target Java 17 bytecode.
   * (Java 25 exists; moving is one line once the services are tested on it.)
   */
  public static final Runtime LAMBDA_RUNTIME = Runtime.JAVA_21;

  /** RTMP listener of the ingest container (RTMPS terminates at the NLB and arrives here too). */
  public static final int INGEST_RTMP_PORT = 1935;
  /** Ingest's HTTP health and Prometheus port. */
  public static final int INGEST_HEALTH_PORT = 8086;
  public static final String INGEST_HEALTH_PATH = "/health";

  /** HMAC secret for signed playback tokens (core PlaybackTokens): API issues, playlist verifies. */
  public static final String PLAYBACK_SECRET = "TRIBUTARY_PLAYBACK_SECRET";
  /** Secrets Manager ARN of the bootstrap admin API token; the API inserts its hash on cold start. */
  public static final String ADMIN_TOKEN_SECRET_ARN = "TRIBUTARY_ADMIN_TOKEN_SECRET_ARN";
  /** CloudFront base the API builds playback URLs on. */
  public static final String PLAYBACK_BASE_URL = "TRIBUTARY_PLAYBACK_BASE_URL";
  /** rtmp(s)://host[:port] the API builds publish URLs on ({base}/live/{key}). */
  public static final String RTMP_BASE_URL = "TRIBUTARY_RTMP_BASE_URL";
  /** Services write CloudWatch EMF lines to stdout when true. */
  public static final String EMF = "TRIBUTARY_EMF";
  /** Transcode: the redrive maxReceiveCount, so the last attempt writes the GAP record. */
  public static final String MAX_RECEIVE_COUNT = "TRIBUTARY_MAX_RECEIVE_COUNT";
  /** Transcode: kill ffmpeg after this many seconds. */
  public static final String FFMPEG_TIMEOUT_SECONDS = "TRIBUTARY_FFMPEG_TIMEOUT_SECONDS";
  /** Transcode worker: on SIGTERM, time for jobs in flight before releasing them. */
  public static final String SHUTDOWN_GRACE_SECONDS = "TRIBUTARY_SHUTDOWN_GRACE_SECONDS";
  /** Ingest: on SIGTERM, time to finish uploads. */
  public static final String INGEST_DRAIN_TIMEOUT_MS = "TRIBUTARY_INGEST_DRAIN_TIMEOUT_MS";
  /** Playlist: false in AWS, where CloudFront sends segment paths to the bucket. */
  public static final String PLAYLIST_SERVE_MEDIA = "TRIBUTARY_PLAYLIST_SERVE_MEDIA";
  public static final String FFMPEG = "TRIBUTARY_FFMPEG";
  public static final String FFPROBE = "TRIBUTARY_FFPROBE";
  public static final String WORKER_CONCURRENCY = "TRIBUTARY_WORKER_CONCURRENCY";
  /** Where the Lambda layer puts ffmpeg (a layer's files land under /opt). */
  public static final String LAYER_FFMPEG = "/opt/bin/ffmpeg";
  public static final String LAYER_FFPROBE = "/opt/bin/ffprobe";

  private ServiceContract() {}
}
