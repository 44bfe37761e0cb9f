package io.tributary.api.lambda;

import io.tributary.api.reaper.LeaseReaper;
import io.tributary.core.config.EnvVars;
import java.util.Map;

/**
 * The lease reaper's configuration, from the environment the CDK app sets. The EventBridge rule
 * already matches only the ingest service's stopped tasks; the handler checks again, so a rule
 * edited too wide cannot make it release leases of tasks that never held any.
 *
 * @param clusterArn {@code TRIBUTARY_INGEST_CLUSTER_ARN}, required: the ECS cluster ingest runs in
 * @param taskFamily {@code TRIBUTARY_INGEST_TASK_FAMILY}, required: ingest's task definition family
 *     (the cluster also runs transcode workers, which hold no lease)
 * @param concurrency {@code TRIBUTARY_REAPER_CONCURRENCY} (default 16, 1..256): streams reaped at once
 */
public record ReaperHandlerConfig(String clusterArn, String taskFamily, int concurrency) {
  public static final String CLUSTER_ARN = "TRIBUTARY_INGEST_CLUSTER_ARN";
  public static final String TASK_FAMILY = "TRIBUTARY_INGEST_TASK_FAMILY";
  public static final String CONCURRENCY = "TRIBUTARY_REAPER_CONCURRENCY";

  public ReaperHandlerConfig {
    if (clusterArn == null || !clusterArn.matches("arn:aws[a-z-]*:ecs:[a-z0-9-]+:\\d{12}:cluster/[A-Za-z0-9_-]{1,255}")) {
      throw new IllegalArgumentException(CLUSTER_ARN + "=" + clusterArn + " is not an ECS cluster ARN");
    }
    // ECS: up to 255 letters, digits, hyphens and underscores.
    if (taskFamily == null || !taskFamily.matches("[A-Za-z0-9_-]{1,255}")) {
      throw new IllegalArgumentException(TASK_FAMILY + "=" + taskFamily + " is not a task definition family");
    }
    if (concurrency < 1 || concurrency > 256) {
      throw new IllegalArgumentException(CONCURRENCY + "=" + concurrency + " is outside 1..256");
    }
  }

  public static ReaperHandlerConfig fromEnv(Map<String, String> env) {
    return new ReaperHandlerConfig(strip(env.get(CLUSTER_ARN)), strip(env.get(TASK_FAMILY)),
        EnvVars.integer(env, CONCURRENCY, LeaseReaper.DEFAULT_CONCURRENCY));
  }

  private static String strip(String v) {
    return v == null ? null : v.strip();
  }
}
