package io.tributary.api.status;

import io.tributary.api.auth.Caller;
import io.tributary.api.stream.LiveState;
import io.tributary.api.stream.StreamRecord;
import io.tributary.api.stream.StreamRepository;
import io.tributary.core.id.StreamId;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

@Singleton
public class StatusService {
  private final StreamRepository streams;
  private final PlaybackLinks links;
  private final Clock clock;

  public StatusService(StreamRepository streams, PlaybackLinks links, Clock clock) {
    this.streams = streams;
    this.links = links;
    this.clock = clock;
  }

  public Optional<LiveStatusView> status(Caller caller, StreamId id) {
    return streams.find(caller.tenantId(), id).map(this::view);
  }

  public LiveStatusView view(StreamRecord r) {
    LiveState state = r.liveState(clock.millis());
    boolean live = state == LiveState.LIVE;
    return new LiveStatusView(r.id().value(), state, live ? r.liveSessionId().orElse(null) : null,
        r.lastSessionId().orElse(null), live ? r.health() : null,
        live && r.healthAt() > 0 ? Instant.ofEpochMilli(r.healthAt()).toString() : null,
        links.live(r.id().value(), r.settings().privatePlayback()));
  }
}
