package io.tributary.api.ws;

import io.micronaut.http.HttpRequest;
import io.micronaut.websocket.CloseReason;
import io.micronaut.websocket.WebSocketSession;
import io.micronaut.websocket.annotation.OnClose;
import io.micronaut.websocket.annotation.OnMessage;
import io.micronaut.websocket.annotation.OnOpen;
import io.micronaut.websocket.annotation.ServerWebSocket;
import io.tributary.api.auth.Caller;
import io.tributary.api.status.StatusService;
import io.tributary.core.id.StreamId;

/**
 * {@code /ws/streams/{id}} on the local server: sends the live status at once, then on every poll
 * of the streams table. The upgrade request passes through the bearer filter (header or
 * {@code access_token} query parameter); another tenant's or an unknown stream closes with 4404.
 * In AWS the API Gateway WebSocket API does this job ({@code SocketAuthorizerHandler},
 * {@code SocketConnectionHandler}, pushes from {@code StreamChangeHandler}).
 */
@ServerWebSocket("/ws/streams/{id}")
public class StatusSocket {
  static final CloseReason NOT_FOUND = new CloseReason(4404, "stream not found");
  static final CloseReason FULL = new CloseReason(4429, "too many subscribers");

  private final StatusService status;
  private final StatusHub hub;

  public StatusSocket(StatusService status, StatusHub hub) {
    this.status = status;
    this.hub = hub;
  }

  @OnOpen
  public void open(String id, WebSocketSession session, HttpRequest<?> request) {
    Caller caller = request.getAttribute(Caller.ATTRIBUTE, Caller.class).orElse(null);
    if (caller == null || !StreamId.isValid(id)) {
      session.close(NOT_FOUND);
      return;
    }
    var view = status.status(caller, new StreamId(id));
    if (view.isEmpty()) {
      session.close(NOT_FOUND);
      return;
    }
    if (!hub.add(id, session)) {
      session.close(FULL);
      return;
    }
    session.sendSync(view.get());
  }

  @OnMessage
  public void message(String id, String message, WebSocketSession session) {
    // Push only: client messages are ignored (pings are handled by the server).
  }

  @OnClose
  public void close(String id, WebSocketSession session) {
    hub.remove(id, session);
  }
}
