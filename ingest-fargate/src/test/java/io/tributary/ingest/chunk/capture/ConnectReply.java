package io.tributary.ingest.chunk.capture;

import io.netty.channel.ChannelHandlerContext;
import io.tributary.ingest.message.Command;
import io.tributary.ingest.message.SetPeerBandwidth;
import io.tributary.ingest.message.WindowAckSize;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Test-only: the server's answer to {@code connect} (RTMP spec 7.2.1.1) shared by the minimal responders. */
final class ConnectReply {
  private ConnectReply() {}

  static void send(ChannelHandlerContext ctx, Command connect) {
    ctx.write(new WindowAckSize(0, 0, 2_500_000));
    ctx.write(new SetPeerBandwidth(0, 0, 2_500_000, 2));
    ctx.writeAndFlush(new Command(0, 0, "_result", connect.transactionId(), List.of(
        map("fmsVer", "FMS/3,0,1,123", "capabilities", 31.0),
        map("level", "status", "code", "NetConnection.Connect.Success", "description", "Connection succeeded.",
            "objectEncoding", 0.0))));
  }

  static Map<String, Object> map(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }
}
