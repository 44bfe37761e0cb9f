package io.tributary.api.events;

import io.tributary.api.session.SessionRecord;
import io.tributary.api.session.SessionRepository;
import io.tributary.api.stream.LiveState;
import io.tributary.api.stream.StreamRecord;
import io.tributary.api.stream.StreamRepository;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Stateless event detection for AWS, where no process lives between invocations: a scheduled
 * tick looks at the time window [now - window, now) and reports the stream's latest session if it
 * started or ended inside it, and one health event if the live stream's health sample falls in
 * it. Consecutive ticks of the same period cover time without gaps; a late or early tick can
 * repeat or skip an event at the edge, and of several sessions of one stream inside one window
 * only the latest is seen. Consumers should dedupe on (type, sessionId).
 */
@Singleton
public class EventWindow {
  static final int MAX_STREAMS = 10_000;

  private final StreamRepository streams;
  private final SessionRepository sessions;

  public EventWindow(StreamRepository streams, SessionRepository sessions) {
    this.streams = streams;
    this.sessions = sessions;
  }

  public List<StreamEvent> events(long fromMs, long toMs) {
    List<StreamEvent> out = new ArrayList<>();
    for (StreamRecord r : streams.scanAll(MAX_STREAMS)) {
      String id = r.id().value();
      Optional<SessionRecord> last = r.lastSessionId().flatMap(sid -> sessions.find(id, sid));
      if (last.isPresent()) {
        SessionRecord s = last.get();
        if (in(s.startedAt(), fromMs, toMs)) {
          out.add(new StreamEvent(StreamEvent.STARTED, id, r.tenantId(), s.sessionId(), iso(s.startedAt()), null));
        }
        if (s.endedAt().filter(e -> in(e, fromMs, toMs)).isPresent()) {
          out.add(new StreamEvent(StreamEvent.ENDED, id, r.tenantId(), s.sessionId(), iso(s.endedAt().get()), null));
        }
      }
      if (r.liveState(toMs) == LiveState.LIVE && in(r.healthAt(), fromMs, toMs)) {
        out.add(new StreamEvent(StreamEvent.HEALTH, id, r.tenantId(), r.liveSessionId().orElse(null),
            iso(r.healthAt()), r.health()));
      }
    }
    return out;
  }

  private static boolean in(long t, long from, long to) {
    return t >= from && t < to;
  }

  private static String iso(long ms) {
    return Instant.ofEpochMilli(ms).toString();
  }
}
