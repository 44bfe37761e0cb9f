package io.tributary.api.events;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The events between two states of one stream item, pure: the local poller feeds it successive
 * snapshots, the AWS change handler the old and new image of each DynamoDB stream record.
 *
 * <ul>
 *   <li>{@code stream.ended} for a live session that is no longer live (released, taken over by a
 *       reconnect, cut by the API, or the stream deleted);</li>
 *   <li>{@code stream.started} for a live session that was not live before;</li>
 *   <li>{@code stream.health} for a newer sample of a live session, rate limited without state:
 *       at most one per {@code healthIntervalMs} bucket of sample time (a sample is reported when
 *       it falls in a later bucket than the previous one, or is the first of its session). A
 *       change record carries both samples, so no per-stream memory is needed in a Lambda.</li>
 * </ul>
 */
public final class StreamTransitions {
  private final long healthIntervalMs;

  /** @param healthIntervalMs bucket width for health events; 0 reports every new sample */
  public StreamTransitions(long healthIntervalMs) {
    if (healthIntervalMs < 0) {
      throw new IllegalArgumentException("health interval must be >= 0 ms, got " + healthIntervalMs);
    }
    this.healthIntervalMs = healthIntervalMs;
  }

  /**
   * @param before the item before the change, null when it did not exist (INSERT)
   * @param after the item after the change, null when it was removed (REMOVE)
   * @param atMs when the change happened, for started/ended (health carries its sample time)
   */
  public List<StreamEvent> between(StreamSnapshot before, StreamSnapshot after, long atMs) {
    if (before == null && after == null) {
      throw new IllegalArgumentException("a transition needs at least one side");
    }
    StreamSnapshot any = after != null ? after : before;
    String tenant = any.tenantId();
    Optional<String> was = before == null ? Optional.empty() : before.liveSessionId();
    Optional<String> is = after == null ? Optional.empty() : after.liveSessionId();
    String at = Instant.ofEpochMilli(atMs).toString();
    List<StreamEvent> events = new ArrayList<>(2);
    if (was.isPresent() && !was.equals(is)) {
      events.add(new StreamEvent(StreamEvent.ENDED, any.streamId(), tenant, was.get(), at, null));
    }
    boolean started = is.isPresent() && !is.equals(was);
    if (started) {
      events.add(new StreamEvent(StreamEvent.STARTED, any.streamId(), tenant, is.get(), at, null));
    }
    if (is.isPresent() && after.healthAt() > 0) {
      long previous = before == null ? 0 : before.healthAt();
      boolean newer = after.healthAt() > previous;
      boolean due = started || previous <= 0 || healthIntervalMs == 0
          || Math.floorDiv(after.healthAt(), healthIntervalMs) > Math.floorDiv(previous, healthIntervalMs);
      if (newer && due) {
        events.add(new StreamEvent(StreamEvent.HEALTH, any.streamId(), tenant, is.get(),
            Instant.ofEpochMilli(after.healthAt()).toString(), after.health()));
      }
    }
    return events;
  }
}
