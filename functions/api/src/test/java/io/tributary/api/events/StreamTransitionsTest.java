package io.tributary.api.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StreamTransitionsTest {
  private static final StreamTransitions T = new StreamTransitions(10_000);

  private static StreamSnapshot idle() {
    return new StreamSnapshot("st_aaaaaaaaaaaaaaaaaaaa", "t1", Optional.empty(), Map.of(), 0);
  }

  private static StreamSnapshot live(String session, long healthAt) {
    return new StreamSnapshot("st_aaaaaaaaaaaaaaaaaaaa", "t1", Optional.of(session),
        healthAt > 0 ? Map.of("fps", 30L) : Map.of(), healthAt);
  }

  private static List<String> describe(List<StreamEvent> events) {
    return events.stream().map(e -> e.type() + " " + e.sessionId() + " " + e.at()).toList();
  }

  @Test
  void startEndAndTakeover() {
    assertEquals(List.of("stream.started s1 1970-01-01T00:00:01Z"), describe(T.between(idle(), live("s1", 0), 1000)));
    assertEquals(List.of("stream.ended s1 1970-01-01T00:00:02Z"), describe(T.between(live("s1", 0), idle(), 2000)));
    assertEquals(List.of("stream.ended s1 1970-01-01T00:00:03Z", "stream.started s2 1970-01-01T00:00:03Z"),
        describe(T.between(live("s1", 0), live("s2", 0), 3000)));
    assertEquals(List.of(), T.between(idle(), idle(), 4000));
    assertEquals(List.of(), T.between(null, idle(), 4000), "a created stream is not live");
  }

  @Test
  void removedOrDeletedWhileLiveEnds() {
    List<StreamEvent> e = T.between(live("s1", 0), null, 5000);
    assertEquals(List.of("stream.ended s1 1970-01-01T00:00:05Z"), describe(e));
    assertEquals("t1", e.get(0).tenantId(), "the tenant comes from the old image");
  }

  @Test
  void healthIsRateLimitedByBucketOfSampleTime() {
    // First sample of a session: always.
    assertEquals(List.of("stream.health s1 1970-01-01T00:00:04.500Z"),
        describe(T.between(live("s1", 0), live("s1", 4500), 4600)));
    // Same 10 s bucket: no.
    assertEquals(List.of(), T.between(live("s1", 4500), live("s1", 9999), 10_000));
    // Next bucket: yes, with the sample and its time.
    List<StreamEvent> next = T.between(live("s1", 9999), live("s1", 10_000), 10_100);
    assertEquals(List.of("stream.health s1 1970-01-01T00:00:10Z"), describe(next));
    assertEquals(Map.of("fps", 30L), next.get(0).health());
    // The same sample again (another attribute changed): no.
    assertEquals(List.of(), T.between(live("s1", 10_000), live("s1", 10_000), 11_000));
    // A new session reports its first newer sample even inside the bucket.
    assertEquals(List.of("stream.ended s1 1970-01-01T00:00:12Z", "stream.started s2 1970-01-01T00:00:12Z",
        "stream.health s2 1970-01-01T00:00:11Z"), describe(T.between(live("s1", 10_000), live("s2", 11_000), 12_000)));
    // Not live: no health, however new.
    assertEquals(List.of(), T.between(idle(), new StreamSnapshot("st_aaaaaaaaaaaaaaaaaaaa", "t1", Optional.empty(),
        Map.of("fps", 1L), 50_000), 50_000));
  }

  @Test
  void zeroIntervalReportsEveryNewerSample() {
    StreamTransitions every = new StreamTransitions(0);
    assertEquals(1, every.between(live("s1", 1000), live("s1", 1001), 1001).size());
    assertEquals(0, every.between(live("s1", 1001), live("s1", 1001), 1002).size());
  }

  @Test
  void refusesNothingToCompareAndNegativeIntervals() {
    assertThrows(IllegalArgumentException.class, () -> T.between(null, null, 0));
    assertThrows(IllegalArgumentException.class, () -> new StreamTransitions(-1));
  }
}
