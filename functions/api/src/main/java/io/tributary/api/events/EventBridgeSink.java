package io.tributary.api.events;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;

/**
 * EventBridge PutEvents in AWS: source {@code tributary.api}, detail-type the event type, detail
 * the event JSON ({@link StreamEventJson}). PutEvents takes at most 10 entries per call
 * (EventBridge quotas).
 */
public final class EventBridgeSink implements EventSink {
  private static final Logger LOG = LoggerFactory.getLogger(EventBridgeSink.class);
  public static final String SOURCE = "tributary.api";
  static final int MAX_ENTRIES = 10;

  private final EventBridgeClient client;
  private final String bus;
  public EventBridgeSink(EventBridgeClient client, String bus) {
    this.client = client;
    this.bus = bus;
  }

  @Override
  public void publish(List<StreamEvent> events) {
    int failed = putInOrder(events);
    if (failed >= 0) {
      LOG.warn("EventBridge did not take {} of {} events", events.size() - failed, events.size());
    }
  }

  /**
   * Sends the events in order, {@value #MAX_ENTRIES} per call, and stops at the first call that
   * did not take every entry: PutEvents answers per entry (ErrorCode on the failed ones), and a
   * caller that retries from the first failure (a DynamoDB stream checkpoint) must not skip one.
   *
   * @return the index of the first event not accepted, or -1 when all were
   */
  public int putInOrder(List<StreamEvent> events) {
    List<PutEventsRequestEntry> entries = entries(events);
    for (int i = 0; i < entries.size(); i += MAX_ENTRIES) {
      var batch = entries.subList(i, Math.min(entries.size(), i + MAX_ENTRIES));
      PutEventsResponse res;
      try {
        res = client.putEvents(b -> b.entries(batch));
      } catch (SdkException e) {
        LOG.warn("PutEvents of {} entries failed: {}", batch.size(), e.toString());
        return i;
      }
      if (res.failedEntryCount() != null && res.failedEntryCount() > 0) {
        for (int j = 0; j < res.entries().size(); j++) {
          var r = res.entries().get(j);
          if (r.errorCode() != null) {
            LOG.warn("EventBridge rejected {} entries, first {}: {} {}", res.failedEntryCount(),
                batch.get(j).detailType(), r.errorCode(), r.errorMessage());
            return i + j;
          }
        }
        // Counted but not marked: treat the whole call as failed rather than guess.
        return i;
      }
    }
    return -1;
  }

  List<PutEventsRequestEntry> entries(List<StreamEvent> events) {
    List<PutEventsRequestEntry> out = new ArrayList<>();
    for (StreamEvent e : events) {
      out.add(PutEventsRequestEntry.builder().eventBusName(bus).source(SOURCE).detailType(e.type())
          .resources(List.of()).detail(StreamEventJson.write(e)).build());
    }
    return out;
  }
}
