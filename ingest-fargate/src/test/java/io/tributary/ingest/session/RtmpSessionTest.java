package io.tributary.ingest.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.ingest.message.Command;
import io.tributary.ingest.message.DataMessage;
import io.tributary.ingest.message.RtmpProtocolException;
import io.tributary.ingest.message.SetPeerBandwidth;
import io.tributary.ingest.message.UserControl;
import io.tributary.ingest.message.WindowAckSize;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RtmpSessionTest {
  private final RtmpSession session = new RtmpSession("live", "127.0.0.1:5000");

  private static Command cmd(int streamId, String name, double txn, Object... args) {
    return new Command(streamId, 0, name, txn, Arrays.asList(args));
  }

  private static Map<String, Object> connectObject(String app) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("app", app);
    m.put("type", "nonprivate");
    m.put("flashVer", "FMLE/3.0 (compatible; Lavf61.7.100)");
    m.put("tcUrl", "rtmp://127.0.0.1:1935/" + app);
    m.put("fourCcList", new ArrayList<>(List.of("av01", "vp09", "hvc1")));
    return m;
  }

  /** The command sequence ffmpeg 7 sends (libavformat/rtmpproto.c gen_connect ... gen_publish). */
  private PublishRequest publishLikeFfmpeg(String app, String name) {
    List<SessionAction> connect = session.onMessage(cmd(0, "connect", 1, connectObject(app)));
    assertInstanceOf(WindowAckSize.class, ((SessionAction.Reply) connect.get(0)).message());
    assertInstanceOf(SetPeerBandwidth.class, ((SessionAction.Reply) connect.get(1)).message());
    Command result = (Command) ((SessionAction.Reply) connect.get(2)).message();
    assertEquals("_result", result.name());
    assertEquals(1.0, result.transactionId());
    Map<?, ?> props = (Map<?, ?>) result.arguments().get(0);
    Map<?, ?> info = (Map<?, ?>) result.arguments().get(1);
    assertEquals("NetConnection.Connect.Success", info.get("code"));
    assertEquals(List.of("av01", "vp09", "hvc1"), props.get("fourCcList"));
    assertEquals(1, session.onMessage(cmd(0, "releaseStream", 2, null, name)).size());
    assertEquals(1, session.onMessage(cmd(0, "FCPublish", 3, null, name)).size());
    Command created = (Command) ((SessionAction.Reply) session.onMessage(cmd(0, "createStream", 4, (Object) null)).get(0))
        .message();
    assertEquals(4.0, created.transactionId());
    assertEquals(1.0, created.arguments().get(1));
    List<SessionAction> publish = session.onMessage(cmd(1, "publish", 5, null, name, "live"));
    if (publish.get(0) instanceof SessionAction.Authorize a) {
      assertEquals(SessionState.AUTHORIZING, session.state());
      return a.request();
    }
    return null;
  }

  @Test
  void acceptedPublishStartsWithStreamBeginAndPublishStart() {
    PublishRequest req = publishLikeFfmpeg("live", "secretKey123?token=x");
    assertEquals("secretKey123", req.streamKey());
    assertFalse(req.toString().contains("secretKey123"), "the key never appears in logs");
    List<SessionAction> out = session.onDecision(new PublishDecision.Accepted("st_x", "sess"));
    UserControl begin = (UserControl) ((SessionAction.Reply) out.get(0)).message();
    assertEquals(UserControl.STREAM_BEGIN, begin.eventType());
    assertEquals(1, begin.value());
    Command status = (Command) ((SessionAction.Reply) out.get(1)).message();
    assertEquals("onStatus", status.name());
    assertEquals(1, status.streamId());
    assertEquals("NetStream.Publish.Start", ((Map<?, ?>) status.arguments().get(1)).get("code"));
    assertEquals(SessionState.PUBLISHING, session.state());

    Map<String, Object> md = Map.of("width", 1280.0, "height", 720.0, "videocodecid", 7.0);
    List<SessionAction> meta = session.onMessage(new DataMessage(1, 0, List.of("@setDataFrame", "onMetaData", md)));
    assertEquals(720, ((SessionAction.Metadata) meta.get(0)).metadata().height());

    assertEquals(List.of(new SessionAction.EndPublish("unpublish")), session.onMessage(cmd(0, "FCUnpublish", 6, null, "k")));
    assertTrue(session.onMessage(cmd(0, "deleteStream", 7, null, 1.0)).isEmpty(), "ended once");
  }

  @Test
  void unauthorizedAndBusyAreErrorsThenClose() {
    publishLikeFfmpeg("live", "k");
    List<SessionAction> out = session.onDecision(new PublishDecision.Unauthorized());
    Command status = (Command) ((SessionAction.Reply) out.get(0)).message();
    assertEquals("NetStream.Publish.Unauthorized", ((Map<?, ?>) status.arguments().get(1)).get("code"));
    assertEquals("error", ((Map<?, ?>) status.arguments().get(1)).get("level"));
    assertInstanceOf(SessionAction.Close.class, out.get(1));

    RtmpSession other = new RtmpSession("live", "x");
    other.onMessage(cmd(0, "connect", 1, connectObject("live")));
    other.onMessage(cmd(1, "publish", 5, null, "k", "live"));
    List<SessionAction> busy = other.onDecision(new PublishDecision.Busy());
    Command badName = (Command) ((SessionAction.Reply) busy.get(0)).message();
    assertEquals("NetStream.Publish.BadName", ((Map<?, ?>) badName.arguments().get(1)).get("code"));
  }

  @Test
  void wrongAppOrEmptyNameIsBadName() {
    assertEquals(null, publishLikeFfmpeg("vod", "k"));
    assertEquals(SessionState.ENDED, session.state());
    RtmpSession empty = new RtmpSession("live", "x");
    empty.onMessage(cmd(0, "connect", 1, connectObject("live")));
    List<SessionAction> out = empty.onMessage(cmd(1, "publish", 2, null, "?x=1", "live"));
    assertInstanceOf(SessionAction.Close.class, out.get(1));
  }

  @Test
  void appInPublishNameWithEmptyAppIsAccepted() {
    RtmpSession s = new RtmpSession("live", "x");
    s.onMessage(cmd(0, "connect", 1, connectObject("")));
    SessionAction.Authorize a = (SessionAction.Authorize) s.onMessage(cmd(1, "publish", 2, null, "live/abc", "live")).get(0);
    assertEquals("abc", a.request().streamKey());
  }

  @Test
  void outOfOrderCommandsAreProtocolErrors() {
    assertThrows(RtmpProtocolException.class, () -> session.onMessage(cmd(1, "publish", 2, null, "k", "live")));
    session.onMessage(cmd(0, "connect", 1, connectObject("live")));
    assertThrows(RtmpProtocolException.class, () -> session.onMessage(cmd(0, "connect", 1, connectObject("live"))));
  }

  @Test
  void pingIsAnswered() {
    List<SessionAction> out = session.onMessage(new UserControl(0, 0, UserControl.PING_REQUEST, 1234, -1));
    UserControl pong = (UserControl) ((SessionAction.Reply) out.get(0)).message();
    assertEquals(UserControl.PING_RESPONSE, pong.eventType());
    assertEquals(1234, pong.value());
  }

  @Test
  void decisionAfterEndIsIgnored() {
    assertTrue(session.onDecision(new PublishDecision.Accepted("a", "b")).isEmpty());
  }
}
