package io.tributary.api.events;

import io.tributary.api.stream.LiveState;
import io.tributary.api.stream.StreamRecord;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.Optional;

/**
 * What event detection needs of one stream item: whose session is live (if any) and the latest
 * health sample. Two ways to read "live": the local poller looks at the lease as of now (a task
 * that died stops counting as live once its lease expires); a change-stream image is a write, so
 * it counts the live session as written (an expired lease shows as ended when the next publish
 * takes the stream over, or when the stream is deleted).
 *
 * @param liveSessionId the live session, empty when nobody publishes
 */
public record StreamSnapshot(String streamId, String tenantId, Optional<String> liveSessionId,
                             Map<String, Object> health, long healthAt) {
  public StreamSnapshot {
    // Sorted, so the event JSON (webhook body, EventBridge detail) is the same bytes every time.
    health = Collections.unmodifiableMap(new TreeMap<>(health));
  }

  /** As the local poller sees the item at {@code nowMs}: live only while the lease runs. */
  public static StreamSnapshot polled(StreamRecord r, long nowMs) {
    boolean live = r.liveState(nowMs) == LiveState.LIVE;
    return new StreamSnapshot(r.id().value(), r.tenantId(), live ? r.liveSessionId() : Optional.empty(), r.health(),
        r.healthAt());
  }

  /** As written: live while state is LIVE with a session and the stream is not deleted. */
  public static StreamSnapshot written(StreamRecord r) {
    boolean live = r.deletedAt().isEmpty() && r.state().filter(LiveState.LIVE.name()::equals).isPresent();
    return new StreamSnapshot(r.id().value(), r.tenantId(), live ? r.liveSessionId() : Optional.empty(), r.health(),
        r.healthAt());
  }
}
