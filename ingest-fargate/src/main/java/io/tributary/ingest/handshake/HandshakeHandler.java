package io.tributary.ingest.handshake;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.tributary.ingest.message.RtmpProtocolException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Server side of the RTMP handshake (RTMP spec 5.2): reads C0+C1, answers S0+S1+S2 at once
 * (allowed by 5.2.1: the server may send S2 after C1), waits for C2, fires
 * {@link HandshakeCompleted} and removes itself; bytes the client sent after C2 are passed on
 * by {@link ByteToMessageDecoder#handlerRemoved}. Digest clients get digest S1/S2
 * ({@link HandshakeDigest}), others the plain echo.
 *
 * <p>A handshake not done within the timeout, or a C0 other than version 3, raises
 * {@link RtmpProtocolException} and closes the channel. One instance per channel.
 */
public final class HandshakeHandler extends ByteToMessageDecoder {
  static final int RTMP_VERSION = 3;

  private enum State { C0_C1, C2, DONE, FAILED }

  private final Duration timeout;
  private State state = State.C0_C1;
  private boolean digest;
  private long clientVersion;
  private ScheduledFuture<?> timeoutTask;

  /** @param timeout the longest a client may take from connection to C2 */
  public HandshakeHandler(Duration timeout) {
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("handshake timeout must be positive, got " + timeout);
    }
    this.timeout = timeout;
  }

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) {
    if (ctx.channel().isActive()) {
      startTimeout(ctx);
    }
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) throws Exception {
    startTimeout(ctx);
    super.channelActive(ctx);
  }

  @Override
  protected void handlerRemoved0(ChannelHandlerContext ctx) {
    cancelTimeout();
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) throws Exception {
    cancelTimeout();
    super.channelInactive(ctx);
  }

  @Override
  protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
    switch (state) {
      case C0_C1 -> readC0C1(ctx, in);
      case C2 -> readC2(ctx, in);
      case DONE, FAILED -> in.skipBytes(in.readableBytes());
    }
  }

  private void readC0C1(ChannelHandlerContext ctx, ByteBuf in) {
    if (!in.isReadable()) {
      return;
    }
    // Check C0 as soon as it arrives so garbage is refused without waiting for 1537 bytes.
    int version = in.getUnsignedByte(in.readerIndex());
    if (version != RTMP_VERSION) {
      fail(in, RtmpProtocolException.of("RTMP handshake: C0 version %d (0x%02x) is not 3%s", version, version, hint(version)));
    }
    if (in.readableBytes() < 1 + HandshakeDigest.BLOCK) {
      return;
    }
    in.skipBytes(1);
    byte[] c1 = new byte[HandshakeDigest.BLOCK];
    in.readBytes(c1);
    ctx.writeAndFlush(Unpooled.wrappedBuffer(respond(c1)));
    state = State.C2;
  }

  private void readC2(ChannelHandlerContext ctx, ByteBuf in) {
    if (in.readableBytes() < HandshakeDigest.BLOCK) {
      return;
    }
    // C2 is not verified: encoders echo S1 in different ways, and nothing after depends on it.
    in.skipBytes(HandshakeDigest.BLOCK);
    cancelTimeout();
    state = State.DONE; // the pipeline removal forwards the rest
    ctx.fireUserEventTriggered(new HandshakeCompleted(digest, clientVersion));
    ctx.pipeline().remove(this);
  }

  /** Builds S0+S1+S2 for this C1. */
  byte[] respond(byte[] c1) {
    byte[] reply = new byte[1 + 2 * HandshakeDigest.BLOCK];
    reply[0] = RTMP_VERSION;
    byte[] s1 = new byte[HandshakeDigest.BLOCK];
    byte[] s2 = new byte[HandshakeDigest.BLOCK];
    ThreadLocalRandom random = ThreadLocalRandom.current();
    random.nextBytes(s1);
    clientVersion = ((c1[4] & 0xFFL) << 24) | ((c1[5] & 0xFF) << 16) | ((c1[6] & 0xFF) << 8) | (c1[7] & 0xFF);
    int c1Digest = clientVersion == 0 ? -1 : HandshakeDigest.findClientDigest(c1);
    digest = c1Digest >= 0;
    // S1 time (5.2.3): may be 0.
    s1[0] = s1[1] = s1[2] = s1[3] = 0;
    if (digest) {
      // Version field as FMS 3.5 announces it; S1 signed in the scheme the client chose.
      s1[4] = 3; s1[5] = 5; s1[6] = 1; s1[7] = 1;
      HandshakeDigest.signS1(s1, HandshakeDigest.schemeOf(c1, c1Digest));
      random.nextBytes(s2);
      HandshakeDigest.signS2(s2, c1, c1Digest);
    } else {
      // Plain handshake (5.2.3, 5.2.4): S1 zero field is zero; S2 echoes C1.
      s1[4] = s1[5] = s1[6] = s1[7] = 0;
      System.arraycopy(c1, 0, s2, 0, HandshakeDigest.BLOCK);
    }
    System.arraycopy(s1, 0, reply, 1, HandshakeDigest.BLOCK);
    System.arraycopy(s2, 0, reply, 1 + HandshakeDigest.BLOCK, HandshakeDigest.BLOCK);
    return reply;
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    if (cause instanceof RtmpProtocolException) {
      ctx.close();
    }
    ctx.fireExceptionCaught(cause);
  }

  private void fail(ByteBuf in, RtmpProtocolException e) {
    state = State.FAILED;
    cancelTimeout();
    in.skipBytes(in.readableBytes());
    throw e;
  }

  private static String hint(int version) {
    if (version == 0x16) {
      return " (a TLS ClientHello: RTMPS sent to the plain RTMP port?)";
    }
    if (version == 6 || version == 8 || version == 9) {
      return " (RTMPE encryption is not supported)";
    }
    if (version >= 'A' && version <= 'Z') {
      return " (text: HTTP or another protocol?)";
    }
    return "";
  }

  private void startTimeout(ChannelHandlerContext ctx) {
    if (timeoutTask != null || state != State.C0_C1) {
      return;
    }
    timeoutTask = ctx.executor().schedule(() -> {
      if (state == State.DONE || state == State.FAILED || !ctx.channel().isActive()) {
        return;
      }
      State at = state;
      state = State.FAILED;
      ctx.fireExceptionCaught(RtmpProtocolException.of(
          "RTMP handshake not completed within %d ms (waiting for %s)",
          timeout.toMillis(), at == State.C0_C1 ? "C0+C1" : "C2"));
      ctx.close();
    }, timeout.toNanos(), TimeUnit.NANOSECONDS);
  }

  private void cancelTimeout() {
    if (timeoutTask != null) {
      timeoutTask.cancel(false);
      timeoutTask = null;
    }
  }
}
