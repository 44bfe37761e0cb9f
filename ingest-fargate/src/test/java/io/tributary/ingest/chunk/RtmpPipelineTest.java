package io.tributary.ingest.chunk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.embedded.EmbeddedChannel;
import io.tributary.ingest.handshake.ClientHandshake;
import io.tributary.ingest.message.WindowAckSize;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RtmpPipelineTest {

  @Test
  void handshakeThenChunksInOneRead_repliesAnnounceOurChunkSize_acksGoThroughTheEncoder() {
    EmbeddedChannel ch = new EmbeddedChannel(new ChannelInitializer<Channel>() {
      @Override
      protected void initChannel(Channel c) {
        RtmpPipeline.install(c.pipeline(), RtmpLimits.defaults());
      }
    });
    ch.writeInbound(Unpooled.wrappedBuffer(ClientHandshake.digestC0C1(new Random(1), 8)));
    ByteBuf s0s1s2 = ch.readOutbound();
    assertEquals(3073, s0s1s2.readableBytes());
    s0s1s2.release();

    ChunkCases.Case connect = ChunkCases.all().stream().filter(c -> c.name().startsWith("connect")).findFirst().orElseThrow();
    String windowAck = "02" + "000000" + "000004" + "05" + "00000000" + "00000064"; // 100-byte window
    byte[] c2 = new byte[1536];
    ch.writeInbound(Unpooled.wrappedBuffer(c2, HexFormat.of().parseHex(connect.hex() + windowAck)));
    assertEquals(connect.message(), ch.readInbound());
    assertEquals(new WindowAckSize(0, 0, 100), ch.readInbound());
    // Window crossed: 1536 bytes of C2 are not counted, the chunk bytes after it are.
    int counted = (connect.hex().length() + windowAck.length()) / 2;
    String expectedAck = "02" + "000000" + "000004" + "01" + "00000000" + "00001000"
        + "02" + "000000" + "000004" + "03" + "00000000" + String.format("%08x", counted);
    assertEquals(expectedAck, ChunkEncoderTest.drain(ch));

    ch.writeOutbound(new WindowAckSize(0, 0, 2_500_000));
    assertEquals(List.of("02" + "000000" + "000004" + "05" + "00000000" + "002625a0"), List.of(ChunkEncoderTest.drain(ch)));
    assertNull(ch.readInbound());
    assertFalse(ch.finish());
  }
}
