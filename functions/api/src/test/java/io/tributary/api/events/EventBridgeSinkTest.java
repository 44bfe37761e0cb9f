package io.tributary.api.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;

/** The PutEvents entries (no EventBridge emulator exists locally, so only the request is checked). */
class EventBridgeSinkTest {
  @Test
  void entryPerEventWithSourceDetailTypeAndJsonDetail() throws Exception {
    try (EventBridgeClient client = EventBridgeClient.builder().region(Region.US_EAST_1).build()) {
      EventBridgeSink sink = new EventBridgeSink(client, "tributary-events");
      var entries = sink.entries(List.of(
          new StreamEvent(StreamEvent.HEALTH, "st_aaaaaaaaaaaaaaaaaaaa", "t1", "20261125T203000Z-abcdefgh",
              "2026-11-25T20:30:10Z", Map.of("fps", 30L)),
          new StreamEvent(StreamEvent.ENDED, "st_aaaaaaaaaaaaaaaaaaaa", "t1", "20261125T203000Z-abcdefgh",
              "2026-11-25T20:31:00Z", null)));
      assertEquals(2, entries.size());
      assertEquals("tributary-events", entries.get(0).eventBusName());
      assertEquals(EventBridgeSink.SOURCE, entries.get(0).source());
      assertEquals("stream.health", entries.get(0).detailType());
      assertTrue(entries.get(0).detail().contains("\"fps\":30"), entries.get(0).detail());
      assertEquals("stream.ended", entries.get(1).detailType());
      assertTrue(!entries.get(1).detail().contains("health"), "absent health is omitted");
    }
  }
}
