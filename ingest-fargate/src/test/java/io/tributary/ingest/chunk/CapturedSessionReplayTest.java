package io.tributary.ingest.chunk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.embedded.EmbeddedChannel;
import io.tributary.ingest.handshake.ClientHandshake;
import io.tributary.ingest.message.RtmpMessage;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Replays captured real publish sessions (ffmpeg, ffmpeg HEVC/enhanced RTMP, GStreamer rtmp2sink). */
class CapturedSessionReplayTest {

  static List<String> names() {
    return CapturedSessions.NAMES;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("names")
  void wholeCaptureDecodesToAPublishSession(String name) {
    List<RtmpMessage> messages = decodeInSlices(CapturedSessions.load(name), null);
    CapturedSessions.assertPublishSession(name, messages, true);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("names")
  void randomSlicesDecodeToTheSameMessages(String name) {
    byte[] bytes = CapturedSessions.load(name);
    List<RtmpMessage> whole = decodeInSlices(bytes, null);
    int[] maxSlice = {1, 3, 17, 200, 1500, 5000, 70_000};
    for (int round = 0; round < 21; round++) {
      List<RtmpMessage> sliced = decodeInSlices(bytes, new int[] {maxSlice[round % maxSlice.length], round});
      assertEquals(whole, sliced, name + " round " + round);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("names")
  void throughTheWholePipelineAfterAHandshakeInTheSameReads(String name) {
    byte[] session = CapturedSessions.load(name);
    byte[] c0c1 = ClientHandshake.digestC0C1(new Random(3), 772);
    byte[] all = new byte[c0c1.length + 1536 + session.length];
    System.arraycopy(c0c1, 0, all, 0, c0c1.length);
    System.arraycopy(session, 0, all, c0c1.length + 1536, session.length);
    EmbeddedChannel ch = new EmbeddedChannel(new ChannelInitializer<Channel>() {
      @Override
      protected void initChannel(Channel c) {
        RtmpPipeline.install(c.pipeline(), RtmpLimits.defaults());
      }
    });
    Random random = new Random(11);
    for (int at = 0; at < all.length; ) {
      int n = Math.min(all.length - at, 1 + random.nextInt(3000));
      ch.writeInbound(Unpooled.wrappedBuffer(all, at, n));
      at += n;
    }
    List<RtmpMessage> messages = ChunkDecoderTest.readAll(ch);
    assertEquals(decodeInSlices(session, null), messages);
    for (ByteBuf out; (out = ch.readOutbound()) != null; ) {
      out.release();
    }
    assertFalse(ch.finish());
  }

  /** Decodes in one write (slicing null) or in random slices of 1..max bytes with the given seed. */
  static List<RtmpMessage> decodeInSlices(byte[] bytes, int[] maxAndSeed) {
    EmbeddedChannel ch = new EmbeddedChannel(new ChunkDecoder(RtmpLimits.defaults()));
    if (maxAndSeed == null) {
      ch.writeInbound(Unpooled.wrappedBuffer(bytes));
    } else {
      Random random = new Random(maxAndSeed[1]);
      for (int at = 0; at < bytes.length; ) {
        int n = Math.min(bytes.length - at, 1 + random.nextInt(maxAndSeed[0]));
        ch.writeInbound(Unpooled.wrappedBuffer(bytes, at, n));
        at += n;
      }
    }
    List<RtmpMessage> messages = ChunkDecoderTest.readAll(ch);
    assertFalse(ch.finish());
    return messages;
  }
}
