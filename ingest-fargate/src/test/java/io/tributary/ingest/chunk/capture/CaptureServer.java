package io.tributary.ingest.chunk.capture;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.embedded.EmbeddedChannel;
import io.tributary.ingest.chunk.ChunkDecoder;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.tributary.ingest.chunk.RtmpLimits;
import io.tributary.ingest.chunk.RtmpPipeline;
import io.tributary.ingest.handshake.HandshakeCompleted;
import io.tributary.ingest.message.RtmpMessage;
import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Test-scoped capture tool: an RTMP endpoint on 127.0.0.1 built from our handshake and chunk
 * layers plus {@link MinimalPublishResponder}, recording every byte a client sends after the
 * handshake. Captures of real encoders become replay fixtures ({@code main}) and the same server
 * checks a live ffmpeg publish in tests.
 */
public final class CaptureServer implements AutoCloseable {
  /** One finished connection: what the client sent after C2, and what our layers decoded. */
  public record Capture(byte[] clientBytes, HandshakeCompleted handshake, List<RtmpMessage> messages, Throwable error) {}

  private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
  private final BlockingQueue<Capture> done = new LinkedBlockingQueue<>();
  private final Channel server;

  private CaptureServer(RtmpLimits limits, Function<List<RtmpMessage>, ChannelHandler> responder)
      throws InterruptedException {
    server = new ServerBootstrap()
        .group(group)
        .channel(NioServerSocketChannel.class)
        .childHandler(new ChannelInitializer<SocketChannel>() {
          @Override
          protected void initChannel(SocketChannel ch) {
            Recorder recorder = new Recorder();
            RtmpPipeline.install(ch.pipeline(), limits);
            ch.pipeline().addAfter(RtmpPipeline.HANDSHAKE, "recorder", recorder);
            ch.pipeline().addLast(responder.apply(recorder.messages));
            ch.pipeline().addLast(recorder.tail());
          }
        })
        .bind(new InetSocketAddress("127.0.0.1", 0))
        .sync()
        .channel();
  }

  /** A server that lets encoders publish. */
  public static CaptureServer start() throws InterruptedException {
    return new CaptureServer(RtmpLimits.defaults(), MinimalPublishResponder::new);
  }

  /**
   * A server that plays the media of a captured publish (metadata, audio, video, timestamps
   * shifted by {@code timestampOffset} ms) to a client that asks to play, then closes; our
   * encoder chunks at {@code outChunkSize}.
   */
  public static CaptureServer serving(byte[] capturedPublish, long timestampOffset, int outChunkSize)
      throws InterruptedException {
    EmbeddedChannel decoder = new EmbeddedChannel(new ChunkDecoder(RtmpLimits.defaults()));
    decoder.writeInbound(Unpooled.wrappedBuffer(capturedPublish));
    List<RtmpMessage> media = new ArrayList<>();
    for (Object m; (m = decoder.readInbound()) != null; ) {
      RtmpMessage played = MinimalPlayResponder.forPlayback((RtmpMessage) m, timestampOffset);
      if (played != null) {
        media.add(played);
      }
    }
    decoder.finishAndReleaseAll();
    return new CaptureServer(RtmpLimits.defaults().withOutChunkSize(outChunkSize),
        received -> new MinimalPlayResponder(received, media));
  }

  public int port() {
    return ((InetSocketAddress) server.localAddress()).getPort();
  }

  public String publishUrl(String key) {
    return "rtmp://127.0.0.1:" + port() + "/live/" + key;
  }

  /** The next finished connection, or null after the timeout. */
  public Capture next(Duration timeout) throws InterruptedException {
    return done.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  @Override
  public void close() {
    server.close().syncUninterruptibly();
    group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
  }

  /** Copies bytes after the handshake; its tail part records the handshake event, errors and the close. */
  private final class Recorder extends ChannelInboundHandlerAdapter {
    final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    final List<RtmpMessage> messages = Collections.synchronizedList(new ArrayList<>());
    volatile HandshakeCompleted handshake;
    volatile Throwable error;

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      if (msg instanceof ByteBuf buf) {
        byte[] copy = new byte[buf.readableBytes()];
        buf.getBytes(buf.readerIndex(), copy);
        bytes.writeBytes(copy);
      }
      ctx.fireChannelRead(msg);
    }

    ChannelInboundHandlerAdapter tail() {
      return new ChannelInboundHandlerAdapter() {
        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
          if (evt instanceof HandshakeCompleted h) {
            handshake = h;
          }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
          error = cause;
          ctx.close();
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
          done.add(new Capture(bytes.toByteArray(), handshake, List.copyOf(messages), error));
        }
      };
    }

  }

  /**
   * Captures one publish into a fixture file: {@code CaptureServer <out.bin> <publisher>} with
   * publisher one of ffmpeg-h264-aac, ffmpeg-hevc-aac, gstreamer-h264-aac ({@link Publishers}).
   */
  public static void main(String[] args) throws Exception {
    Path out = Path.of(args[0]);
    try (CaptureServer capture = start()) {
      String url = capture.publishUrl("testkey");
      List<String> cmd = switch (args[1]) {
        case "ffmpeg-h264-aac" -> Publishers.ffmpegH264Aac(url);
        case "ffmpeg-hevc-aac" -> Publishers.ffmpegHevcAac(url);
        case "gstreamer-h264-aac" -> Publishers.gstreamerH264Aac(url);
        default -> throw new IllegalArgumentException("unknown publisher " + args[1]);
      };
      Process p = new ProcessBuilder(cmd).inheritIO().start();
      if (!p.waitFor(60, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IllegalStateException("client did not finish within 60 s");
      }
      Capture c = capture.next(Duration.ofSeconds(10));
      if (c == null) {
        throw new IllegalStateException("no connection captured; client exit " + p.exitValue());
      }
      Files.write(out, c.clientBytes());
      System.out.printf("client exit %d, handshake %s, %d bytes, %d messages, error %s -> %s%n",
          p.exitValue(), c.handshake(), c.clientBytes().length, c.messages().size(), c.error(), out);
    }
  }
}
