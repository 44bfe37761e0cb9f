package io.tributary.api.events;

import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;

/**
 * EventBridge PutEvents in AWS: source {@code tributary.api}, detail-type the event type, detail
 * the event JSON. PutEvents takes at most 10 entries per call (EventBridge quotas).
 */
public final class EventBridgeSink implements EventSink {
  private static final Logger LOG = LoggerFactory.getLogger(EventBridgeSink.class);
  public static final String SOURCE = "tributary.api";
  static final int MAX_ENTRIES = 10;

  private final EventBridgeClient client;
  private final String bus;
  private final JsonMapper json;

  public EventBridgeSink(EventBridgeClient client, String bus, JsonMapper json) {
    this.client = client;
    this.bus = bus;
    this.json = json;
  }

  @Override
  public void publish(List<StreamEvent> events) {
    List<PutEventsRequestEntry> entries = entries(events);
    for (int i = 0; i < entries.size(); i += MAX_ENTRIES) {
      var batch = entries.subList(i, Math.min(entries.size(), i + MAX_ENTRIES));
      var res = client.putEvents(b -> b.entries(batch));
      if (res.failedEntryCount() > 0) {
        LOG.warn("EventBridge rejected {} of {} events", res.failedEntryCount(), batch.size());
      }
    }
  }

  List<PutEventsRequestEntry> entries(List<StreamEvent> events) {
    List<PutEventsRequestEntry> out = new ArrayList<>();
    for (StreamEvent e : events) {
      try {
        out.add(PutEventsRequestEntry.builder().eventBusName(bus).source(SOURCE).detailType(e.type())
            .resources(List.of()).detail(json.writeValueAsString(e)).build());
      } catch (IOException ex) {
        throw new UncheckedIOException(ex);
      }
    }
    return out;
  }
}
