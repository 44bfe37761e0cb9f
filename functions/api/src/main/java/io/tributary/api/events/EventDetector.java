package io.tributary.api.events;

import io.tributary.api.stream.StreamRecord;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The local poller's memory around {@link StreamTransitions}: it keeps the last snapshot of each
 * stream and reports the transitions to the next one. The first snapshot is a baseline and emits
 * nothing, so a restart does not replay "started" for streams already live; a transition that
 * happens entirely between two polls (a publish shorter than the poll interval) is missed. A
 * stream missing from the next snapshot (deleted) is compared against nothing, so a live one ends.
 */
public final class EventDetector {
  private final StreamTransitions transitions;
  private Map<String, StreamSnapshot> seen;

  public EventDetector(long healthIntervalMs) {
    this.transitions = new StreamTransitions(healthIntervalMs);
  }

  public List<StreamEvent> next(List<StreamRecord> streams, long nowMs) {
    Map<String, StreamSnapshot> current = new HashMap<>();
    for (StreamRecord r : streams) {
      current.put(r.id().value(), StreamSnapshot.polled(r, nowMs));
    }
    List<StreamEvent> events = new ArrayList<>();
    if (seen != null) {
      current.forEach((id, now) -> events.addAll(transitions.between(seen.get(id), now, nowMs)));
      seen.forEach((id, before) -> {
        if (!current.containsKey(id)) {
          events.addAll(transitions.between(before, null, nowMs));
        }
      });
    }
    seen = current;
    return events;
  }
}
