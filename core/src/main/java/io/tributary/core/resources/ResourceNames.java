package io.tributary.core.resources;

import java.util.Map;

/**
 * Physical names of every bucket, queue and table. Locally they derive from a prefix
 * ({@code TRIBUTARY_PREFIX}, default {@code tributary}); in AWS the CDK app passes each real
 * name through the environment variable named beside it, so no code guesses a name.
 */
public record ResourceNames(String rawBucket, String mediaBucket, String jobQueue, String jobDlq,
                            String streamsTable, String keysTable, String sessionsTable,
                            String segmentsTable, String metricsTable, String tokensTable,
                            String idempotencyTable, String socketsTable) {

  public static final String DEFAULT_PREFIX = "tributary";

  /** Environment variable for each name; the CDK app sets exactly these. */
  public static final Map<String, String> ENV = Map.ofEntries(
      Map.entry("rawBucket", "TRIBUTARY_RAW_BUCKET"),
      Map.entry("mediaBucket", "TRIBUTARY_MEDIA_BUCKET"),
      Map.entry("jobQueue", "TRIBUTARY_JOB_QUEUE"),
      Map.entry("jobDlq", "TRIBUTARY_JOB_DLQ"),
      Map.entry("streamsTable", "TRIBUTARY_STREAMS_TABLE"),
      Map.entry("keysTable", "TRIBUTARY_KEYS_TABLE"),
      Map.entry("sessionsTable", "TRIBUTARY_SESSIONS_TABLE"),
      Map.entry("segmentsTable", "TRIBUTARY_SEGMENTS_TABLE"),
      Map.entry("metricsTable", "TRIBUTARY_METRICS_TABLE"),
      Map.entry("tokensTable", "TRIBUTARY_TOKENS_TABLE"),
      Map.entry("idempotencyTable", "TRIBUTARY_IDEMPOTENCY_TABLE"),
      Map.entry("socketsTable", "TRIBUTARY_WS_CONNECTIONS_TABLE"));

  public ResourceNames {
    for (String n : new String[] {rawBucket, mediaBucket, jobQueue, jobDlq, streamsTable, keysTable,
        sessionsTable, segmentsTable, metricsTable, tokensTable, idempotencyTable, socketsTable}) {
      if (n == null || n.isBlank()) {
        throw new IllegalArgumentException("every resource name is required");
      }
    }
  }

  public static ResourceNames withPrefix(String prefix) {
    if (!prefix.matches("[a-z0-9][a-z0-9-]{1,30}")) {
      throw new IllegalArgumentException("prefix must be lowercase letters, digits and '-', 2..31 chars: " + prefix);
    }
    return new ResourceNames(prefix + "-raw", prefix + "-media", prefix + "-transcode-jobs",
        prefix + "-transcode-jobs-dlq", prefix + "-streams", prefix + "-stream-keys", prefix + "-sessions",
        prefix + "-segments", prefix + "-metrics", prefix + "-api-tokens", prefix + "-idempotency",
        prefix + "-ws-connections");
  }

  /** Names from the environment: the prefix first, then any per-resource override. */
  public static ResourceNames fromEnv(Map<String, String> env) {
    ResourceNames d = withPrefix(env.getOrDefault("TRIBUTARY_PREFIX", DEFAULT_PREFIX));
    return new ResourceNames(
        env.getOrDefault(ENV.get("rawBucket"), d.rawBucket),
        env.getOrDefault(ENV.get("mediaBucket"), d.mediaBucket),
        env.getOrDefault(ENV.get("jobQueue"), d.jobQueue),
        env.getOrDefault(ENV.get("jobDlq"), d.jobDlq),
        env.getOrDefault(ENV.get("streamsTable"), d.streamsTable),
        env.getOrDefault(ENV.get("keysTable"), d.keysTable),
        env.getOrDefault(ENV.get("sessionsTable"), d.sessionsTable),
        env.getOrDefault(ENV.get("segmentsTable"), d.segmentsTable),
        env.getOrDefault(ENV.get("metricsTable"), d.metricsTable),
        env.getOrDefault(ENV.get("tokensTable"), d.tokensTable),
        env.getOrDefault(ENV.get("idempotencyTable"), d.idempotencyTable),
        env.getOrDefault(ENV.get("socketsTable"), d.socketsTable));
  }

  public static ResourceNames fromEnv() {
    return fromEnv(System.getenv());
  }
}
