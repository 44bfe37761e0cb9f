package io.tributary.ingest.chunk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.EncoderException;
import io.tributary.ingest.message.Command;
import io.tributary.ingest.message.Payload;
import io.tributary.ingest.message.SetChunkSize;
import io.tributary.ingest.message.VideoMessage;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class ChunkEncoderTest {

  static List<ChunkCases.Case> cases() {
    return ChunkCases.all();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void encodesTheTableBytes(ChunkCases.Case c) {
    EmbeddedChannel ch = new EmbeddedChannel(new ChunkEncoder(128));
    ch.writeOutbound(c.message());
    assertEquals(c.hex(), drain(ch));
    assertFalse(ch.finish());
  }

  @Test
  void announcesItsChunkSizeBeforeTheFirstMessageAndUsesIt() {
    EmbeddedChannel ch = new EmbeddedChannel(new ChunkEncoder(4096));
    byte[] body = ChunkCases.pattern(5000, 1);
    ch.writeOutbound(new VideoMessage(1, 0, Payload.wrap(body)));
    String expected = "02" + "000000" + "000004" + "01" + "00000000" + "00001000"
        + "07" + "000000" + "001388" + "09" + "01000000"
        + ChunkCases.hex(java.util.Arrays.copyOfRange(body, 0, 4096)) + "c7"
        + ChunkCases.hex(java.util.Arrays.copyOfRange(body, 4096, 5000));
    assertEquals(expected, drain(ch));
    assertFalse(ch.finish());
  }

  @Test
  void aSetChunkSizeFromTheSessionAppliesToLaterMessages() {
    ChunkEncoder encoder = new ChunkEncoder(128);
    EmbeddedChannel ch = new EmbeddedChannel(encoder);
    ch.writeOutbound(new SetChunkSize(0, 0, 200));
    drain(ch);
    assertEquals(200, encoder.chunkSize());
    byte[] body = ChunkCases.pattern(300, 2);
    ch.writeOutbound(new VideoMessage(1, 0, Payload.wrap(body)));
    assertEquals(ChunkCases.chunkedAt("07" + "000000" + "00012c" + "09" + "01000000", ChunkCases.hex(body), "c7", 200), drain(ch));
    assertFalse(ch.finish());
  }

  @Test
  void refusesValuesItCannotEncode() {
    EmbeddedChannel ch = new EmbeddedChannel(new ChunkEncoder(128));
    assertThrows(EncoderException.class, () -> ch.writeOutbound(new SetChunkSize(0, 0, 0)));
    assertThrows(EncoderException.class,
        () -> ch.writeOutbound(new Command(0, 0, "x", 1, List.of(Map.of("k", new Object())))));
    assertNull(ch.readOutbound());
    assertFalse(ch.finish());
  }

  @Test
  void usesTwoAndThreeByteBasicHeadersAboveId63() {
    ByteBuf out = io.netty.buffer.Unpooled.buffer();
    try {
      ChunkEncoder.writeBasicHeader(out, 3, 64);
      ChunkEncoder.writeBasicHeader(out, 0, 319);
      ChunkEncoder.writeBasicHeader(out, 1, 320);
      ChunkEncoder.writeBasicHeader(out, 2, 65599);
      assertEquals("c000" + "00ff" + "410001" + "81ffff", ByteBufUtil.hexDump(out));
    } finally {
      out.release();
    }
  }

  static String drain(EmbeddedChannel ch) {
    StringBuilder sb = new StringBuilder();
    for (ByteBuf b; (b = ch.readOutbound()) != null; b.release()) {
      sb.append(ByteBufUtil.hexDump(b));
    }
    return sb.toString();
  }
}
