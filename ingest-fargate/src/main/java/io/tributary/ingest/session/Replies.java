package io.tributary.ingest.session;

import io.tributary.ingest.message.Command;
import io.tributary.ingest.message.RtmpMessage;
import io.tributary.ingest.message.SetPeerBandwidth;
import io.tributary.ingest.message.UserControl;
import io.tributary.ingest.message.WindowAckSize;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The server's messages of the publish flow, shaped as FMS/nginx-rtmp send them (RTMP spec 7.2.1.1, 7.2.2). */
final class Replies {
  /** Window Ack Size and peer bandwidth we announce: 5 MB, as nginx-rtmp does. */
  static final long WINDOW = 5_000_000;
  static final int PUBLISH_STREAM_ID = 1;

  private Replies() {}

  static List<RtmpMessage> connectResult(double txn, Object objectEncoding, Object fourCcList) {
    Map<String, Object> props = new LinkedHashMap<>();
    props.put("fmsVer", "FMS/3,0,1,123");
    props.put("capabilities", 31.0);
    props.put("mode", 1.0);
    if (fourCcList instanceof List<?> list) {
      // Enhanced RTMP: echo the codecs we accept so the client may use their FourCC forms.
      props.put("fourCcList", new ArrayList<>(list));
    }
    Map<String, Object> info = status("status", "NetConnection.Connect.Success", "Connection succeeded.");
    info.put("objectEncoding", objectEncoding instanceof Number n ? n.doubleValue() : 0.0);
    return List.of(new WindowAckSize(0, 0, WINDOW), new SetPeerBandwidth(0, 0, WINDOW, 2),
        result(0, txn, props, info));
  }

  static RtmpMessage result(int streamId, double txn, Object... values) {
    return new Command(streamId, 0, "_result", txn, Arrays.asList(values));
  }

  static RtmpMessage onStatus(int streamId, String level, String code, String description) {
    List<Object> args = new ArrayList<>();
    args.add(null);
    args.add(status(level, code, description));
    return new Command(streamId, 0, "onStatus", 0, args);
  }

  static RtmpMessage streamBegin(int streamId) {
    return new UserControl(0, 0, UserControl.STREAM_BEGIN, streamId, -1);
  }

  static RtmpMessage pingResponse(long value) {
    return new UserControl(0, 0, UserControl.PING_RESPONSE, value, -1);
  }

  private static Map<String, Object> status(String level, String code, String description) {
    Map<String, Object> info = new LinkedHashMap<>();
    info.put("level", level);
    info.put("code", code);
    info.put("description", description);
    return info;
  }
}
