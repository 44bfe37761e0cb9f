package io.tributary.ingest.chunk.capture;

import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.tributary.ingest.message.AudioMessage;
import io.tributary.ingest.message.Command;
import io.tributary.ingest.message.DataMessage;
import io.tributary.ingest.message.RtmpMessage;
import io.tributary.ingest.message.SetPeerBandwidth;
import io.tributary.ingest.message.UserControl;
import io.tributary.ingest.message.VideoMessage;
import io.tributary.ingest.message.WindowAckSize;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Test-only: answers a player (connect, createStream, play; RTMP spec 7.2.2.1) and then sends
 * the given media through our chunk encoder, so a real client (ffmpeg) checks our digest S1/S2
 * and our outgoing chunks. Closes the connection after the last message.
 */
final class MinimalPlayResponder extends SimpleChannelInboundHandler<RtmpMessage> {
  private final List<RtmpMessage> received;
  private final List<RtmpMessage> media;

  MinimalPlayResponder(List<RtmpMessage> received, List<RtmpMessage> media) {
    this.received = received;
    this.media = media;
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, RtmpMessage msg) {
    received.add(msg);
    if (!(msg instanceof Command c)) {
      return;
    }
    switch (c.name()) {
      case "connect" -> {
        ctx.write(new WindowAckSize(0, 0, 2_500_000));
        ctx.write(new SetPeerBandwidth(0, 0, 2_500_000, 2));
        ctx.writeAndFlush(new Command(0, 0, "_result", c.transactionId(), List.of(
            map("fmsVer", "FMS/3,0,1,123", "capabilities", 31.0),
            map("level", "status", "code", "NetConnection.Connect.Success", "objectEncoding", 0.0))));
      }
      case "createStream" ->
          ctx.writeAndFlush(new Command(0, 0, "_result", c.transactionId(), Arrays.asList(null, 1.0)));
      case "play" -> {
        ctx.write(new UserControl(0, 0, UserControl.STREAM_BEGIN, 1, -1));
        ctx.write(new Command(1, 0, "onStatus", 0, Arrays.asList(null,
            map("level", "status", "code", "NetStream.Play.Start", "description", "Playing."))));
        for (RtmpMessage m : media) {
          ctx.write(m);
        }
        ctx.writeAndFlush(new UserControl(0, 0, UserControl.STREAM_EOF, 1, -1))
            .addListener(ChannelFutureListener.CLOSE);
      }
      default -> { }
    }
  }

  /** The media of a captured publish as a server sends it to a player: @setDataFrame dropped from metadata. */
  static RtmpMessage forPlayback(RtmpMessage m, long timestampOffset) {
    if (m instanceof VideoMessage v) {
      return new VideoMessage(1, (v.timestamp() + timestampOffset) & 0xFFFFFFFFL, v.data());
    } else if (m instanceof AudioMessage a) {
      return new AudioMessage(1, (a.timestamp() + timestampOffset) & 0xFFFFFFFFL, a.data());
    } else if (m instanceof DataMessage d && d.values().size() == 3 && "@setDataFrame".equals(d.values().get(0))) {
      return new DataMessage(1, 0, d.values().subList(1, 3));
    }
    return null;
  }

  private static Map<String, Object> map(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }
}
