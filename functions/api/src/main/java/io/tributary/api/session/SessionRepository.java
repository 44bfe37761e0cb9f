package io.tributary.api.session;

import java.util.List;
import java.util.Optional;

/** The sessions table, (streamId, sessionId); session ids sort by start time. */
public interface SessionRepository {
  Optional<SessionRecord> find(String streamId, String sessionId);

  /** Newest first, at most {@code limit}, strictly before {@code beforeSessionId} when given. */
  List<SessionRecord> list(String streamId, int limit, Optional<String> beforeSessionId);
}
