package io.tributary.ingest.server;

import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class CoalescingIoHandlerTest {

  @Test
  void zeroWindowKeepsTheFactory() {
    IoHandlerFactory f = NioIoHandler.newFactory();
    assertSame(f, CoalescingIoHandler.wrap(f, Duration.ZERO));
  }

  /**
   * A real event loop with a 20 ms window over loopback: every byte arrives, and writes that come
   * in quick succession are gathered into far fewer reads (without the window: one read each).
   */
  @Test
  void gathersReadsAndLosesNothing() throws Exception {
    EventLoopGroup loops = new MultiThreadIoEventLoopGroup(1,
        CoalescingIoHandler.wrap(NioIoHandler.newFactory(), Duration.ofMillis(20)));
    EventLoopGroup clients = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    AtomicLong bytes = new AtomicLong();
    AtomicInteger reads = new AtomicInteger();
    int writes = 200;
    CountDownLatch all = new CountDownLatch(1);
    try {
      Channel server = new ServerBootstrap().group(loops).channel(NioServerSocketChannel.class)
          .childHandler(new ChannelInitializer<Channel>() {
            @Override
            protected void initChannel(Channel ch) {
              ch.pipeline().addLast(new ChannelInboundHandlerAdapter() {
                @Override
                public void channelRead(ChannelHandlerContext ctx, Object msg) {
                  reads.incrementAndGet();
                  if (bytes.addAndGet(((ByteBuf) msg).readableBytes()) == writes * 100L) {
                    all.countDown();
                  }
                  ((ByteBuf) msg).release();
                }
              });
            }
          }).bind(new InetSocketAddress("127.0.0.1", 0)).sync().channel();
      Channel client = new Bootstrap().group(clients).channel(NioSocketChannel.class)
          .handler(new ChannelInboundHandlerAdapter())
          .connect(server.localAddress()).sync().channel();
      for (int i = 0; i < writes; i++) {
        client.writeAndFlush(Unpooled.wrappedBuffer(new byte[100])).sync();
        Thread.sleep(1);
      }
      assertTrue(all.await(10, TimeUnit.SECONDS), "all bytes arrive, got " + bytes.get());
      assertTrue(reads.get() < writes / 3, "writes 1 ms apart are gathered by a 20 ms window: " + reads.get() + " reads");

      client.close().sync();
      server.close().sync();
    } finally {
      clients.shutdownGracefully(0, 1, TimeUnit.SECONDS);
      loops.shutdownGracefully(0, 1, TimeUnit.SECONDS);
    }
  }
}
