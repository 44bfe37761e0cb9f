package io.tributary.api.session;

import io.tributary.api.auth.Caller;
import io.tributary.api.problem.ApiProblem;
import io.tributary.api.status.PlaybackLinks;
import io.tributary.api.stream.StreamRecord;
import io.tributary.api.stream.StreamRepository;
import io.tributary.core.id.SessionId;
import io.tributary.core.id.StreamId;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

@Singleton
public class SessionService {
  private final StreamRepository streams;
  private final SessionRepository sessions;
  private final PlaybackLinks links;

  public SessionService(StreamRepository streams, SessionRepository sessions, PlaybackLinks links) {
    this.streams = streams;
    this.sessions = sessions;
    this.links = links;
  }

  public Optional<SessionListView> list(Caller caller, StreamId id, int limit, Optional<String> cursor) {
    cursor.ifPresent(c -> {
      if (!SessionId.isValid(c)) {
        throw ApiProblem.badRequest("cursor", "a session id from a previous page", "cursor is not a session id");
      }
    });
    Optional<StreamRecord> stream = streams.find(caller.tenantId(), id);
    if (stream.isEmpty()) {
      return Optional.empty();
    }
    List<SessionRecord> page = sessions.list(id.value(), limit, cursor);
    boolean privatePlayback = stream.get().settings().privatePlayback();
    List<SessionView> items = page.stream().map(s -> view(s, privatePlayback)).toList();
    String next = page.size() == limit ? page.get(page.size() - 1).sessionId() : null;
    return Optional.of(new SessionListView(items, next));
  }

  /**
   * A VOD URL only for an ended session that ingest marked as recorded ({@code recording = "TRUE"},
   * written when the stream recorded at publish time); absent means not kept.
   */
  SessionView view(SessionRecord s, boolean privatePlayback) {
    boolean kept = s.recording().orElse(false);
    return new SessionView(s.sessionId(), s.ended() ? "ENDED" : s.state(), iso(s.startedAt()),
        s.endedAt().map(SessionService::iso).orElse(null), s.endedAt().map(e -> e - s.startedAt()).orElse(null),
        s.endReason().orElse(null), s.firstSeq().orElse(null), s.lastSeq().orElse(null),
        s.ended() && kept ? links.vod(s.streamId(), s.sessionId(), privatePlayback) : null);
  }

  private static String iso(long ms) {
    return Instant.ofEpochMilli(ms).toString();
  }
}
