package io.tributary.ingest.handshake;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import io.tributary.ingest.message.RtmpProtocolException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HandshakeHandlerTest {
  private final Random random = new Random(42);
  private final List<Object> events = new ArrayList<>();

  private EmbeddedChannel channel() {
    return new EmbeddedChannel(new HandshakeHandler(Duration.ofSeconds(5)), new ChannelInboundHandlerAdapter() {
      @Override
      public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        events.add(evt);
      }
    });
  }

  @Test
  void plainHandshakeEchoesC1AndPassesOnBytesAfterC2() {
    EmbeddedChannel ch = channel();
    byte[] c0c1 = ClientHandshake.plainC0C1(random);
    assertFalse(ch.writeInbound(Unpooled.wrappedBuffer(c0c1)));
    byte[] reply = readOutbound(ch);
    assertEquals(3073, reply.length);
    assertEquals(3, reply[0]);
    assertArrayEquals(new byte[4], Arrays.copyOfRange(reply, 5, 9), "plain S1 zero field");
    assertArrayEquals(Arrays.copyOfRange(c0c1, 1, 1537), Arrays.copyOfRange(reply, 1537, 3073), "S2 echoes C1");

    byte[] c2AndMore = Arrays.copyOf(Arrays.copyOfRange(reply, 1, 1537), 1536 + 5);
    System.arraycopy(new byte[] {1, 2, 3, 4, 5}, 0, c2AndMore, 1536, 5);
    assertTrue(ch.writeInbound(Unpooled.wrappedBuffer(c2AndMore)));
    ByteBuf rest = ch.readInbound();
    assertEquals("0102030405", ByteBufUtil.hexDump(rest));
    rest.release();
    assertEquals(List.of(new HandshakeCompleted(false, 0)), events);
    assertNull(ch.pipeline().get(HandshakeHandler.class), "removed itself");
    assertFalse(ch.finish());
  }

  @ParameterizedTest
  @ValueSource(ints = {8, 772})
  void digestHandshakeSignsS1AndS2InTheClientsScheme(int scheme) {
    EmbeddedChannel ch = channel();
    byte[] c0c1 = ClientHandshake.digestC0C1(random, scheme);
    ch.writeInbound(Unpooled.wrappedBuffer(c0c1));
    byte[] reply = readOutbound(ch);
    byte[] s1 = Arrays.copyOfRange(reply, 1, 1537);
    byte[] s2 = Arrays.copyOfRange(reply, 1537, 3073);
    byte[] c1 = Arrays.copyOfRange(c0c1, 1, 1537);
    assertTrue(ClientHandshake.s1DigestValid(s1, scheme), "S1 digest");
    assertTrue(ClientHandshake.s2DigestValid(s2, c1, scheme), "S2 digest");
    assertFalse(ClientHandshake.s1DigestValid(s1, scheme == 8 ? 772 : 8), "a check that can fail");

    ch.writeInbound(Unpooled.wrappedBuffer(new byte[1536]));
    assertEquals(List.of(new HandshakeCompleted(true, 0x09007c02L)), events);
    assertNull(ch.readInbound(), "nothing after C2");
    assertFalse(ch.finish());
  }

  @Test
  void digestClientWithABrokenDigestFallsBackToThePlainEcho() {
    EmbeddedChannel ch = channel();
    byte[] c0c1 = ClientHandshake.digestC0C1(random, 8);
    int offset = ClientHandshake.offset(Arrays.copyOfRange(c0c1, 1, 1537), 8);
    c0c1[1 + offset] ^= 1;
    ch.writeInbound(Unpooled.wrappedBuffer(c0c1));
    byte[] reply = readOutbound(ch);
    assertArrayEquals(Arrays.copyOfRange(c0c1, 1, 1537), Arrays.copyOfRange(reply, 1537, 3073));
    ch.writeInbound(Unpooled.wrappedBuffer(new byte[1536]));
    assertEquals(List.of(new HandshakeCompleted(false, 0x09007c02L)), events);
    assertFalse(ch.finish());
  }

  @Test
  void acceptsTheHandshakeOneByteAtATime() {
    EmbeddedChannel ch = channel();
    byte[] all = Arrays.copyOf(ClientHandshake.digestC0C1(random, 772), 1537 + 1536 + 3);
    all[all.length - 1] = 9;
    for (int i = 0; i < 1537; i++) {
      ch.writeInbound(Unpooled.wrappedBuffer(all, i, 1));
    }
    readOutbound(ch);
    for (int i = 1537; i < all.length; i++) {
      ch.writeInbound(Unpooled.wrappedBuffer(all, i, 1));
    }
    assertEquals(1, events.size());
    StringBuilder passedOn = new StringBuilder();
    for (ByteBuf rest; (rest = ch.readInbound()) != null; rest.release()) {
      passedOn.append(ByteBufUtil.hexDump(rest));
    }
    assertEquals("000009", passedOn.toString());
    assertFalse(ch.finish());
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 6, 0x16, 'G', 255})
  void refusesAnyVersionButThreeAtTheFirstByte(int version) {
    EmbeddedChannel ch = channel();
    RtmpProtocolException e = assertThrows(RtmpProtocolException.class,
        () -> ch.writeInbound(Unpooled.wrappedBuffer(new byte[] {(byte) version})));
    assertTrue(e.getMessage().contains("C0 version " + version), e.getMessage());
    assertFalse(ch.isOpen(), "closed");
    assertNull(ch.readOutbound(), "no reply to garbage");
    assertFalse(ch.finish());
  }

  @Test
  void stalledHandshakeTimesOutAndCloses() {
    EmbeddedChannel ch = channel();
    ch.writeInbound(Unpooled.wrappedBuffer(new byte[] {3, 0, 0}));
    ch.advanceTimeBy(4, TimeUnit.SECONDS);
    ch.runScheduledPendingTasks();
    assertTrue(ch.isOpen(), "not yet");
    ch.advanceTimeBy(2, TimeUnit.SECONDS);
    ch.runScheduledPendingTasks();
    RtmpProtocolException e = assertThrows(RtmpProtocolException.class, ch::checkException);
    assertTrue(e.getMessage().contains("5000 ms") && e.getMessage().contains("C0+C1"), e.getMessage());
    assertFalse(ch.isOpen());
    assertFalse(ch.finish());
  }

  @Test
  void completedHandshakeCancelsTheTimeout() {
    EmbeddedChannel ch = channel();
    ch.writeInbound(Unpooled.wrappedBuffer(ClientHandshake.plainC0C1(random)));
    readOutbound(ch);
    ch.writeInbound(Unpooled.wrappedBuffer(new byte[1536]));
    ch.advanceTimeBy(10, TimeUnit.SECONDS);
    ch.runScheduledPendingTasks();
    ch.checkException();
    assertTrue(ch.isOpen());
    assertFalse(ch.finish());
  }

  @Test
  void rejectsNonPositiveTimeout() {
    assertThrows(IllegalArgumentException.class, () -> new HandshakeHandler(Duration.ZERO));
  }

  private static byte[] readOutbound(EmbeddedChannel ch) {
    ByteBuf out = ch.readOutbound();
    try {
      return ByteBufUtil.getBytes(out);
    } finally {
      out.release();
    }
  }
}
