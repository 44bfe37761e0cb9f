package io.tributary.api.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.api.stream.StreamRecord;
import io.tributary.api.stream.StreamSettings;
import io.tributary.core.id.StreamId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EventDetectorTest {
  private static final StreamId ID = StreamId.random();
  private static final StreamSettings S = new StreamSettings("s", 2000, "default", false, 60, false);

  private static StreamRecord idle() {
    return StreamRecord.created(ID, "t", S, 0);
  }

  private static StreamRecord live(String session, long leaseUntil, long healthAt) {
    return new StreamRecord(ID, "t", S, 0, 0, Optional.of("LIVE"), Optional.of(session), leaseUntil,
        Map.of("fps", 30L), healthAt, Optional.of(session), Optional.empty());
  }

  private static List<String> types(List<StreamEvent> events) {
    return events.stream().map(StreamEvent::type).toList();
  }

  @Test
  void baselineThenStartedHealthEnded() {
    EventDetector d = new EventDetector(10_000);
    assertTrue(d.next(List.of(idle()), 1000).isEmpty());
    assertEquals(List.of(StreamEvent.STARTED, StreamEvent.HEALTH), types(d.next(List.of(live("s1", 60_000, 1500)), 2000)));
    assertTrue(d.next(List.of(live("s1", 60_000, 3500)), 4000).isEmpty(), "health at most every 10 s");
    assertEquals(List.of(StreamEvent.HEALTH), types(d.next(List.of(live("s1", 60_000, 12_500)), 13_000)));
    assertTrue(d.next(List.of(live("s1", 60_000, 12_500)), 24_000).isEmpty(), "no new sample, no event");
    List<StreamEvent> ended = d.next(List.of(live("s1", 60_000, 12_500)), 61_000);
    assertEquals(List.of(StreamEvent.ENDED), types(ended), "an expired lease is an end");
    assertEquals("s1", ended.get(0).sessionId());
  }

  @Test
  void reconnectIsEndedThenStarted() {
    EventDetector d = new EventDetector(Long.MAX_VALUE);
    d.next(List.of(live("s1", 60_000, 0)), 1000);
    List<StreamEvent> e = d.next(List.of(live("s2", 60_000, 0)), 2000);
    assertEquals(List.of(StreamEvent.ENDED, StreamEvent.STARTED), types(e));
    assertEquals("s1", e.get(0).sessionId());
    assertEquals("s2", e.get(1).sessionId());
  }

  @Test
  void firstSnapshotDoesNotReplayLiveStreams() {
    EventDetector d = new EventDetector(0);
    assertTrue(d.next(List.of(live("s1", 60_000, 500)), 1000).isEmpty());
    assertEquals(List.of(StreamEvent.ENDED), types(d.next(List.of(), 2000)), "deleted while live");
  }
}
