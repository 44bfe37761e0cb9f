package io.tributary.api.events;

import io.tributary.api.stream.LiveState;
import io.tributary.api.stream.StreamRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns successive snapshots of the streams table into events. Pure and stateful: it remembers
 * the last seen live session and health time per stream. The first snapshot is a baseline and
 * emits nothing, so a restart does not replay "started" for streams already live; a transition
 * that happens entirely between two polls (a publish shorter than the poll interval) is missed.
 * Health events are rate limited per stream to one per {@code healthIntervalMs}.
 */
public final class EventDetector {
  private record Seen(String liveSessionId, long healthAt, long healthEmittedAt) {}

  /** Far enough in the past that the first health sample always qualifies, without overflow. */
  private static final long NEVER = Long.MIN_VALUE / 4;
  private final long healthIntervalMs;
  private Map<String, Seen> seen;

  public EventDetector(long healthIntervalMs) {
    this.healthIntervalMs = healthIntervalMs;
  }

  public List<StreamEvent> next(List<StreamRecord> streams, long nowMs) {
    boolean baseline = seen == null;
    Map<String, Seen> prev = baseline ? Map.of() : seen;
    Map<String, Seen> current = new HashMap<>();
    List<StreamEvent> events = new ArrayList<>();
    String at = Instant.ofEpochMilli(nowMs).toString();
    for (StreamRecord r : streams) {
      String id = r.id().value();
      Seen before = prev.get(id);
      boolean live = r.liveState(nowMs) == LiveState.LIVE;
      String session = live ? r.liveSessionId().orElse(null) : null;
      String wasLive = before == null ? null : before.liveSessionId();
      long emitted = before == null ? NEVER : before.healthEmittedAt();
      if (!baseline) {
        if (wasLive != null && !wasLive.equals(session)) {
          events.add(new StreamEvent(StreamEvent.ENDED, id, r.tenantId(), wasLive, at, null));
        }
        if (session != null && !session.equals(wasLive)) {
          events.add(new StreamEvent(StreamEvent.STARTED, id, r.tenantId(), session, at, null));
        }
        boolean fresh = before == null || r.healthAt() > before.healthAt();
        if (session != null && fresh && r.healthAt() > 0 && nowMs - emitted >= healthIntervalMs) {
          events.add(new StreamEvent(StreamEvent.HEALTH, id, r.tenantId(), session, at, r.health()));
          emitted = nowMs;
        }
      }
      current.put(id, new Seen(session, r.healthAt(), emitted));
    }
    if (!baseline) {
      // A stream that vanished from the snapshot (deleted) while live has ended too.
      prev.forEach((id, s) -> {
        if (!current.containsKey(id) && s.liveSessionId() != null) {
          events.add(new StreamEvent(StreamEvent.ENDED, id, null, s.liveSessionId(), at, null));
        }
      });
    }
    seen = current;
    return events;
  }
}
