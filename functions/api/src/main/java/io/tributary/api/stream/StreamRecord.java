package io.tributary.api.stream;

import io.tributary.core.id.StreamId;
import java.util.Map;
import java.util.Optional;

/**
 * A stream item as the API sees it: the configuration the API writes, and the live fields ingest
 * writes ({@code state}, lease, health) which the API only reads, except to clear a lease.
 *
 * @param health latest ingest health sample as plain values (numbers, strings, lists, maps)
 */
public record StreamRecord(StreamId id, String tenantId, StreamSettings settings, long createdAt, long updatedAt,
                           Optional<String> state, Optional<String> liveSessionId, long leaseUntil,
                           Map<String, Object> health, long healthAt, Optional<String> lastSessionId,
                           Optional<Long> deletedAt) {
  public StreamRecord {
    health = Map.copyOf(health);
  }

  public static StreamRecord created(StreamId id, String tenantId, StreamSettings settings, long now) {
    return new StreamRecord(id, tenantId, settings, now, now, Optional.of(LiveState.IDLE.name()), Optional.empty(), 0,
        Map.of(), 0, Optional.empty(), Optional.empty());
  }

  /** LIVE only while ingest holds an unexpired lease: a task that died stops counting as live. */
  public LiveState liveState(long nowMs) {
    if (deletedAt.isPresent()) {
      return LiveState.ENDED;
    }
    if (state.filter(LiveState.LIVE.name()::equals).isPresent() && liveSessionId.isPresent() && leaseUntil > nowMs) {
      return LiveState.LIVE;
    }
    return lastSessionId.isPresent() || state.filter(s -> !s.equals(LiveState.IDLE.name())).isPresent()
        ? LiveState.ENDED : LiveState.IDLE;
  }
}
