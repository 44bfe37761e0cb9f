package io.tributary.ingest.session;

import io.tributary.ingest.flv.StreamMetadata;
import io.tributary.ingest.message.Command;
import io.tributary.ingest.message.DataMessage;
import io.tributary.ingest.message.RtmpMessage;
import io.tributary.ingest.message.RtmpProtocolException;
import io.tributary.ingest.message.UserControl;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The publish state machine of one connection (RTMP spec 7.2): commands in, replies and actions
 * out, no I/O. Media messages are not passed through here: the connection routes them to the
 * chunker while {@link #state()} is {@link SessionState#PUBLISHING}. Protocol-control messages
 * (chunk size, window, abort, ack) are the chunk layer's and are ignored.
 *
 * <p>Publish URLs are {@code rtmp://host/{app}/{key}}: the key is the publish name without a
 * {@code ?query} suffix (OBS and ffmpeg append none, some hardware encoders do); an encoder that
 * puts {@code app/key} into the name with an empty app is accepted too.
 */
public final class RtmpSession {
  private final String app;
  private final String remoteAddress;
  private SessionState state = SessionState.NEW;
  private String connectedApp;
  private int nextStreamId = Replies.PUBLISH_STREAM_ID;
  private int publishStreamId;
  private String streamId;
  private String sessionId;

  public RtmpSession(String app, String remoteAddress) {
    this.app = app;
    this.remoteAddress = remoteAddress;
  }

  public SessionState state() {
    return state;
  }

  /** The accepted stream and session ids, null before the publish is accepted. */
  public String streamId() {
    return streamId;
  }

  public String sessionId() {
    return sessionId;
  }

  public List<SessionAction> onMessage(RtmpMessage message) {
    if (message instanceof Command c) {
      return onCommand(c);
    }
    if (message instanceof DataMessage d) {
      if (state == SessionState.PUBLISHING) {
        StreamMetadata md = StreamMetadata.fromDataValues(d.values());
        if (md.isPresent()) {
          return List.of(new SessionAction.Metadata(md));
        }
      }
      return List.of();
    }
    if (message instanceof UserControl u && u.eventType() == UserControl.PING_REQUEST) {
      return List.of(new SessionAction.Reply(Replies.pingResponse(u.value())));
    }
    return List.of();
  }

  public List<SessionAction> onDecision(PublishDecision decision) {
    if (state != SessionState.AUTHORIZING) {
      return List.of();
    }
    if (decision instanceof PublishDecision.Accepted a) {
      state = SessionState.PUBLISHING;
      streamId = a.streamId();
      sessionId = a.sessionId();
      return List.of(new SessionAction.Reply(Replies.streamBegin(publishStreamId)),
          new SessionAction.Reply(Replies.onStatus(publishStreamId, "status", "NetStream.Publish.Start",
              "Publishing.")));
    }
    state = SessionState.ENDED;
    if (decision instanceof PublishDecision.Busy) {
      return List.of(new SessionAction.Reply(Replies.onStatus(publishStreamId, "error", "NetStream.Publish.BadName",
          "The stream is already being published.")), new SessionAction.Close("stream busy"));
    }
    if (decision instanceof PublishDecision.Unavailable) {
      return List.of(new SessionAction.Reply(Replies.onStatus(publishStreamId, "error", "NetStream.Publish.Failed",
          "Temporarily unavailable, retry later.")), new SessionAction.Close("store unavailable"));
    }
    return List.of(new SessionAction.Reply(Replies.onStatus(publishStreamId, "error",
        "NetStream.Publish.Unauthorized", "Unknown or revoked stream key.")), new SessionAction.Close("unauthorized"));
  }

  private List<SessionAction> onCommand(Command c) {
    switch (c.name()) {
      case "connect" -> {
        return connect(c);
      }
      case "createStream" -> {
        requireConnected(c);
        return List.of(new SessionAction.Reply(Replies.result(0, c.transactionId(), null, (double) nextStreamId++)));
      }
      case "releaseStream", "FCPublish", "getStreamLength" -> {
        return c.transactionId() != 0
            ? List.of(new SessionAction.Reply(Replies.result(0, c.transactionId(), (Object) null)))
            : List.of();
      }
      case "publish" -> {
        return publish(c);
      }
      case "FCUnpublish", "deleteStream", "closeStream" -> {
        if (state == SessionState.PUBLISHING) {
          state = SessionState.ENDED;
          return List.of(new SessionAction.EndPublish("unpublish"));
        }
        return List.of();
      }
      case "play", "play2" -> {
        return List.of(new SessionAction.Reply(Replies.onStatus(c.streamId(), "error", "NetStream.Play.Failed",
            "This server only accepts publishers.")), new SessionAction.Close("play attempted"));
      }
      default -> {
        return List.of();
      }
    }
  }

  private List<SessionAction> connect(Command c) {
    if (state != SessionState.NEW) {
      throw RtmpProtocolException.of("connect received twice (state %s)", state);
    }
    Map<?, ?> obj = c.arguments().isEmpty() || !(c.arguments().get(0) instanceof Map<?, ?> m) ? Map.of() : m;
    connectedApp = obj.get("app") instanceof String s ? stripQuery(s).replaceAll("/+$", "") : "";
    state = SessionState.CONNECTED;
    List<SessionAction> out = new ArrayList<>();
    for (RtmpMessage m : Replies.connectResult(c.transactionId(), obj.get("objectEncoding"), obj.get("fourCcList"))) {
      out.add(new SessionAction.Reply(m));
    }
    return out;
  }

  private List<SessionAction> publish(Command c) {
    requireConnected(c);
    if (state != SessionState.CONNECTED) {
      throw RtmpProtocolException.of("publish received in state %s (one publish per connection)", state);
    }
    publishStreamId = c.streamId();
    String name = c.arguments().size() > 1 && c.arguments().get(1) instanceof String s ? stripQuery(s) : "";
    String effectiveApp = connectedApp;
    if (effectiveApp.isEmpty() && name.contains("/")) {
      effectiveApp = name.substring(0, name.lastIndexOf('/'));
      name = name.substring(name.lastIndexOf('/') + 1);
    }
    if (!effectiveApp.equals(app) || name.isEmpty() || name.length() > 256) {
      state = SessionState.ENDED;
      return List.of(new SessionAction.Reply(Replies.onStatus(publishStreamId, "error", "NetStream.Publish.BadName",
          "Publish to rtmp://host/" + app + "/{streamKey}.")), new SessionAction.Close("bad publish name"));
    }
    state = SessionState.AUTHORIZING;
    return List.of(new SessionAction.Authorize(new PublishRequest(effectiveApp, name, remoteAddress)));
  }

  private void requireConnected(Command c) {
    if (state == SessionState.NEW) {
      throw RtmpProtocolException.of("%s received before connect", c.name());
    }
  }

  private static String stripQuery(String s) {
    int q = s.indexOf('?');
    return q < 0 ? s : s.substring(0, q);
  }
}
