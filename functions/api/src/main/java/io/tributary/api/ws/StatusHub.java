package io.tributary.api.ws;

import io.micronaut.websocket.WebSocketSession;
import io.tributary.api.status.StatusService;
import io.tributary.api.stream.StreamRecord;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** WebSocket subscribers per stream; each poll pushes the stream's live status to them. */
@Singleton
public class StatusHub {
  private static final Logger LOG = LoggerFactory.getLogger(StatusHub.class);
  /** Bound on concurrent subscribers, so a client cannot hold unbounded sessions open. */
  static final int MAX_SESSIONS = 1000;

  private final Map<String, Set<WebSocketSession>> byStream = new ConcurrentHashMap<>();
  private final StatusService status;

  public StatusHub(StatusService status) {
    this.status = status;
  }

  public boolean add(String streamId, WebSocketSession session) {
    int total = byStream.values().stream().mapToInt(Set::size).sum();
    if (total >= MAX_SESSIONS) {
      return false;
    }
    byStream.computeIfAbsent(streamId, k -> ConcurrentHashMap.newKeySet()).add(session);
    return true;
  }

  public void remove(String streamId, WebSocketSession session) {
    byStream.computeIfPresent(streamId, (k, set) -> {
      set.remove(session);
      return set.isEmpty() ? null : set;
    });
  }

  public void push(List<StreamRecord> snapshot) {
    if (byStream.isEmpty()) {
      return;
    }
    for (StreamRecord r : snapshot) {
      Set<WebSocketSession> sessions = byStream.get(r.id().value());
      if (sessions == null) {
        continue;
      }
      var view = status.view(r);
      for (WebSocketSession s : sessions) {
        if (s.isOpen()) {
          s.sendAsync(view).whenComplete((ok, err) -> {
            if (err != null) {
              LOG.debug("push to a WebSocket failed: {}", err.toString());
            }
          });
        }
      }
    }
  }
}
