package io.tributary.ingest.chunk.capture;

import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.tributary.ingest.message.AudioMessage;
import io.tributary.ingest.message.Command;
import io.tributary.ingest.message.DataMessage;
import io.tributary.ingest.message.RtmpMessage;
import io.tributary.ingest.message.UserControl;
import io.tributary.ingest.message.VideoMessage;
import java.util.Arrays;
import java.util.List;

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
      case "connect" -> ConnectReply.send(ctx, c);
      case "createStream" ->
          ctx.writeAndFlush(new Command(0, 0, "_result", c.transactionId(), Arrays.asList(null, 1.0)));
      case "play" -> {
        ctx.write(new UserControl(0, 0, UserControl.STREAM_BEGIN, 1, -1));
        ctx.write(new Command(1, 0, "onStatus", 0, Arrays.asList(null,
            ConnectReply.map("level", "status", "code", "NetStream.Play.Start", "description", "Playing."))));
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
}
