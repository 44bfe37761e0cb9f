package io.tributary.playlist.store;

import io.tributary.playlist.plan.SessionInfo;
import io.tributary.playlist.plan.StreamConfig;
import java.util.List;
import java.util.Optional;

/**
 * A stream's configuration and its sessions (ordered by first seq), as cached between requests.
 *
 * @param config from the streams table
 * @param sessions from the sessions table, ascending firstSeq
 * @param loadedAtMs when it was read
 */
public record StreamView(StreamConfig config, List<SessionInfo> sessions, long loadedAtMs) {
  public StreamView {
    sessions = List.copyOf(sessions);
  }

  public Optional<SessionInfo> session(String sessionId) {
    return sessions.stream().filter(s -> s.sessionId().equals(sessionId)).findFirst();
  }

  /** Seq just before the next session's first, or Long.MAX_VALUE for the newest session. */
  public long lastSeqOf(SessionInfo s) {
    for (SessionInfo o : sessions) {
      if (o.firstSeq() > s.firstSeq()) {
        return o.firstSeq() - 1;
      }
    }
    return Long.MAX_VALUE;
  }
}
