package io.tributary.ingest.server;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.timeout.IdleStateEvent;
import io.tributary.ingest.flv.FlvFormatException;
import io.tributary.ingest.message.AudioMessage;
import io.tributary.ingest.message.RtmpMessage;
import io.tributary.ingest.message.RtmpProtocolException;
import io.tributary.ingest.message.VideoMessage;
import io.tributary.ingest.session.PublishDecision;
import io.tributary.ingest.session.RtmpSession;
import io.tributary.ingest.session.SessionAction;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The last handler of a connection: runs the publish state machine, executes its actions, and
 * routes media of an accepted publish to its {@link LivePublish}. Any failure ends this
 * connection alone.
 */
final class IngestHandler extends SimpleChannelInboundHandler<RtmpMessage> {
  private static final Logger LOG = LoggerFactory.getLogger(IngestHandler.class);

  private final IngestServices s;
  private RtmpSession session;
  private LivePublish live;
  private boolean closing;

  IngestHandler(IngestServices s) {
    this.s = s;
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) throws Exception {
    session = new RtmpSession(s.config().app(), String.valueOf(ctx.channel().remoteAddress()));
    super.channelActive(ctx);
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, RtmpMessage msg) {
    if (session == null) {
      return; // refused at accept (connection caps): closing
    }
    if (live != null) {
      if (msg instanceof VideoMessage v) {
        live.onVideo(v);
        return;
      }
      if (msg instanceof AudioMessage a) {
        live.onAudio(a);
        return;
      }
    } else if (msg instanceof VideoMessage || msg instanceof AudioMessage) {
      return; // media before Publish.Start: nothing to attach it to
    }
    run(ctx, session.onMessage(msg));
  }

  private void run(ChannelHandlerContext ctx, List<SessionAction> actions) {
    boolean wrote = false;
    for (SessionAction a : actions) {
      if (a instanceof SessionAction.Reply r) {
        ctx.write(r.message());
        wrote = true;
      } else if (a instanceof SessionAction.Authorize auth) {
        s.authorizer().authorize(auth.request()).whenComplete((result, error) -> ctx.executor().execute(() ->
            decided(ctx, result != null ? result : Authorization.refused(new PublishDecision.Unavailable()))));
      } else if (a instanceof SessionAction.Metadata md) {
        if (live != null) {
          live.onMetadata(md.metadata());
        }
      } else if (a instanceof SessionAction.EndPublish end) {
        endLive(end.reason());
      } else if (a instanceof SessionAction.Close c) {
        closing = true;
        LOG.info("closing connection from {}: {}", ctx.channel().remoteAddress(), c.reason());
        ctx.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
        wrote = false;
      }
    }
    if (wrote) {
      ctx.flush();
    }
  }

  private void decided(ChannelHandlerContext ctx, Authorization result) {
    if (result.decision() instanceof PublishDecision.Accepted && (!ctx.channel().isActive() || closing)) {
      // The publisher left while we were checking: hand the lease straight back.
      s.blocking().execute(() -> {
        try {
          s.repo().sessionEnded(result.config(), result.session(), System.currentTimeMillis(), "disconnect", -1);
          s.repo().releaseLease(result.config().streamId(), result.session(), System.currentTimeMillis());
        } catch (RuntimeException e) {
          LOG.warn("lease of stream {} not released (it expires): {}", result.config().streamId(), e.toString());
        }
      });
      return;
    }
    if (result.decision() instanceof PublishDecision.Accepted) {
      live = new LivePublish(ctx.channel(), result, s);
      MDC.put("streamId", live.streamId());
      MDC.put("sessionId", live.sessionId());
      try {
        LOG.info("publishing: stream {} session {} from {}", live.streamId(), live.sessionId(),
            ctx.channel().remoteAddress());
      } finally {
        MDC.clear();
      }
    }
    run(ctx, session.onDecision(result.decision()));
  }

  private void endLive(String reason) {
    if (live != null) {
      live.end(reason);
    }
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) throws Exception {
    endLive("disconnect");
    super.channelInactive(ctx);
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
    if (evt instanceof IdleStateEvent) {
      LOG.warn("connection from {} idle for {} ms (state {}): dropped", ctx.channel().remoteAddress(),
          s.config().idleTimeout().toMillis(), session == null ? "-" : session.state());
      s.metrics().rejectedConnection("idle");
      endLive("idle");
      ctx.close();
      return;
    }
    super.userEventTriggered(ctx, evt);
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    Throwable root = cause instanceof io.netty.handler.codec.DecoderException && cause.getCause() != null
        && !(cause instanceof RtmpProtocolException) ? cause.getCause() : cause;
    if (root instanceof RtmpProtocolException || root instanceof FlvFormatException) {
      s.metrics().protocolErrors.increment();
      LOG.warn("dropping {} ({}): {}", ctx.channel().remoteAddress(),
          session == null ? "-" : session.state(), root.getMessage());
      endLive(root instanceof FlvFormatException ? "bad-media" : "protocol-error");
    } else if (root instanceof java.io.IOException) {
      LOG.info("connection {} reset: {}", ctx.channel().remoteAddress(), root.toString());
      endLive("disconnect");
    } else {
      LOG.error("unexpected failure on {} (state {})", ctx.channel().remoteAddress(),
          session == null ? "-" : session.state(), root);
      endLive("error");
    }
    ctx.close();
  }
}
