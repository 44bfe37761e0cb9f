package io.tributary.api.events;

import java.util.List;

/** Where stream events go: webhooks locally, EventBridge in AWS. Must not block the caller long. */
public interface EventSink {
  void publish(List<StreamEvent> events);
}
