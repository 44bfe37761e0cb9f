package io.tributary.api.lambda;

import io.tributary.core.config.EnvVars;
import java.net.URI;
import java.util.Map;
import java.util.Optional;

/**
 * The stream change handler's configuration, from the environment the CDK app sets.
 *
 * @param eventBusName {@code TRIBUTARY_EVENT_BUS_NAME}, required: where stream events go
 * @param sweepQueueUrl {@code TRIBUTARY_SWEEP_QUEUE_URL}, required: the media sweep delay queue
 * @param sweepGraceS {@code TRIBUTARY_MEDIA_SWEEP_DELAY_S} (default 900): time after a deletion for
 *     ingest and workers to stop writing before the stream's media is deleted
 * @param healthIntervalMs {@code TRIBUTARY_HEALTH_EVENT_INTERVAL_S} (default 10) in ms: at most one
 *     stream.health event per stream per interval of sample time; 0 sends every sample
 * @param eventBridgeEndpoint {@code AWS_ENDPOINT_URL_EVENTBRIDGE} (the SDK's own name), else
 *     {@code AWS_ENDPOINT_URL}: only for tests and emulators; unset in AWS
 * @param socketEndpoint {@code TRIBUTARY_WS_ENDPOINT}: the WebSocket API's connection management
 *     URL ({@code https://{api}.execute-api.{region}.amazonaws.com/{stage}}); unset = no pushes
 */
public record ChangeHandlerConfig(String eventBusName, String sweepQueueUrl, long sweepGraceS, long healthIntervalMs,
                                  Optional<URI> eventBridgeEndpoint, Optional<URI> socketEndpoint) {
  public static final String EVENT_BUS_NAME = "TRIBUTARY_EVENT_BUS_NAME";
  public static final String SWEEP_QUEUE_URL = "TRIBUTARY_SWEEP_QUEUE_URL";
  public static final String SWEEP_GRACE_S = "TRIBUTARY_MEDIA_SWEEP_DELAY_S";
  public static final String HEALTH_INTERVAL_S = "TRIBUTARY_HEALTH_EVENT_INTERVAL_S";
  public static final String SOCKET_ENDPOINT = "TRIBUTARY_WS_ENDPOINT";

  public ChangeHandlerConfig {
    if (eventBusName == null || !eventBusName.matches("[A-Za-z0-9._\\-/:]{1,1600}")) {
      throw new IllegalArgumentException(EVENT_BUS_NAME + "=" + eventBusName + " is not an event bus name or ARN");
    }
    if (sweepQueueUrl == null || !sweepQueueUrl.matches("https?://\\S+")) {
      throw new IllegalArgumentException(SWEEP_QUEUE_URL + "=" + sweepQueueUrl + " is not an SQS queue URL");
    }
    if (sweepGraceS < 0 || sweepGraceS > 7 * 86_400) {
      throw new IllegalArgumentException(SWEEP_GRACE_S + "=" + sweepGraceS + " is outside 0..604800");
    }
    if (healthIntervalMs < 0 || healthIntervalMs > 3_600_000) {
      throw new IllegalArgumentException(HEALTH_INTERVAL_S + "=" + healthIntervalMs / 1000 + " is outside 0..3600");
    }
    socketEndpoint.ifPresent(u -> {
      if (u.getScheme() == null || !u.getScheme().startsWith("http") || u.getHost() == null) {
        throw new IllegalArgumentException(SOCKET_ENDPOINT + "=" + u + " is not an http(s) URL");
      }
    });
  }

  public static ChangeHandlerConfig fromEnv(Map<String, String> env) {
    String endpoint = Optional.ofNullable(env.get("AWS_ENDPOINT_URL_EVENTBRIDGE")).filter(s -> !s.isBlank())
        .orElse(env.get("AWS_ENDPOINT_URL"));
    return new ChangeHandlerConfig(env.get(EVENT_BUS_NAME), env.get(SWEEP_QUEUE_URL),
        EnvVars.longValue(env, SWEEP_GRACE_S, 900), EnvVars.longValue(env, HEALTH_INTERVAL_S, 10) * 1000,
        uri(endpoint), uri(env.get(SOCKET_ENDPOINT)));
  }

  private static Optional<URI> uri(String value) {
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(URI.create(value.strip()));
  }
}
