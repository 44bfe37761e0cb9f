package io.tributary.ingest.chunk.capture;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.tributary.ingest.message.Command;
import io.tributary.ingest.message.RtmpMessage;
import io.tributary.ingest.message.UserControl;
import java.util.Arrays;
import java.util.List;

/**
 * Test-only stand-in for the session, just enough replies (RTMP spec 7.2.1.1, 7.2.1.3, 7.2.2.6)
 * to get a real encoder from connect to publishing: connect, releaseStream/FCPublish,
 * createStream, publish. It records every message; production uses the real session.
 */
final class MinimalPublishResponder extends SimpleChannelInboundHandler<RtmpMessage> {
  private final List<RtmpMessage> received;

  MinimalPublishResponder(List<RtmpMessage> received) {
    this.received = received;
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, RtmpMessage msg) {
    received.add(msg);
    if (!(msg instanceof Command c)) {
      return;
    }
    switch (c.name()) {
      case "connect" -> ConnectReply.send(ctx, c);
      case "releaseStream", "FCPublish" ->
          ctx.writeAndFlush(new Command(0, 0, "_result", c.transactionId(), Arrays.asList(null, null)));
      case "createStream" ->
          ctx.writeAndFlush(new Command(0, 0, "_result", c.transactionId(), Arrays.asList(null, 1.0)));
      case "publish" -> {
        ctx.write(new UserControl(0, 0, UserControl.STREAM_BEGIN, 1, -1));
        ctx.writeAndFlush(new Command(1, 0, "onStatus", 0, Arrays.asList(null,
            ConnectReply.map("level", "status", "code", "NetStream.Publish.Start", "description", "Publishing."))));
      }
      default -> { }
    }
  }
}
