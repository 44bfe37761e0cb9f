package io.tributary.api.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A stream event as JSON with plain Jackson (the record's own annotations), so the AWS handlers
 * need no Micronaut context; the same fields the webhooks carry. Used for the EventBridge detail
 * and the WebSocket push.
 */
public final class StreamEventJson {
  private static final ObjectMapper JSON = new ObjectMapper();

  private StreamEventJson() {}

  public static String write(StreamEvent e) {
    try {
      return JSON.writeValueAsString(e);
    } catch (JsonProcessingException ex) {
      throw new IllegalStateException("a stream event is always serializable: " + e, ex);
    }
  }
}
