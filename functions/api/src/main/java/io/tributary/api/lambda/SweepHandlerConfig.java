package io.tributary.api.lambda;

import io.tributary.core.config.EnvVars;
import java.util.Map;

/**
 * The media sweep handler's configuration.
 *
 * @param sweepQueueUrl {@code TRIBUTARY_SWEEP_QUEUE_URL}, required: where unfinished or early
 *     sweeps are put back
 * @param maxObjectsPerMessage {@code TRIBUTARY_SWEEP_MAX_OBJECTS} (default 5000): objects deleted
 *     per message before the rest is re-queued, so one invocation stays well inside its timeout
 */
public record SweepHandlerConfig(String sweepQueueUrl, int maxObjectsPerMessage) {
  public static final String MAX_OBJECTS = "TRIBUTARY_SWEEP_MAX_OBJECTS";

  public SweepHandlerConfig {
    if (sweepQueueUrl == null || !sweepQueueUrl.matches("https?://\\S+")) {
      throw new IllegalArgumentException(ChangeHandlerConfig.SWEEP_QUEUE_URL + "=" + sweepQueueUrl
          + " is not an SQS queue URL");
    }
    if (maxObjectsPerMessage < 1 || maxObjectsPerMessage > 100_000) {
      throw new IllegalArgumentException(MAX_OBJECTS + "=" + maxObjectsPerMessage + " is outside 1..100000");
    }
  }

  public static SweepHandlerConfig fromEnv(Map<String, String> env) {
    return new SweepHandlerConfig(env.get(ChangeHandlerConfig.SWEEP_QUEUE_URL),
        EnvVars.integer(env, MAX_OBJECTS, 5000));
  }
}
