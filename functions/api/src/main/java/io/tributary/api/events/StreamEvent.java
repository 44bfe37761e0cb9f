package io.tributary.api.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import java.util.Map;

/**
 * A stream event as delivered to webhooks (JSON body) and EventBridge (detail):
 * {@code stream.started}, {@code stream.ended} or {@code stream.health}.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StreamEvent(String type, String streamId, String tenantId, String sessionId, String at,
                          Map<String, Object> health) {
  public static final String STARTED = "stream.started";
  public static final String ENDED = "stream.ended";
  public static final String HEALTH = "stream.health";

  public StreamEvent {
    if (!type.equals(STARTED) && !type.equals(ENDED) && !type.equals(HEALTH)) {
      throw new IllegalArgumentException("unknown event type " + type);
    }
  }
}
