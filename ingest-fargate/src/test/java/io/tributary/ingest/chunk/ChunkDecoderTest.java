package io.tributary.ingest.chunk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.tributary.ingest.message.Acknowledgement;
import io.tributary.ingest.message.AudioMessage;
import io.tributary.ingest.message.Command;
import io.tributary.ingest.message.DataMessage;
import io.tributary.ingest.message.Payload;
import io.tributary.ingest.message.RtmpMessage;
import io.tributary.ingest.message.RtmpProtocolException;
import io.tributary.ingest.message.SetChunkSize;
import io.tributary.ingest.message.VideoMessage;
import io.tributary.ingest.message.WindowAckSize;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ChunkDecoderTest {
  private static final RtmpLimits LIMITS = RtmpLimits.defaults();

  static List<ChunkCases.Case> cases() {
    return ChunkCases.all();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void decodesTheTableBytes(ChunkCases.Case c) {
    assertEquals(List.of(c.message()), decode(c.hex()));
  }

  @Test
  void decodesTheWholeTableInRandomSlices() {
    List<RtmpMessage> expected = new ArrayList<>();
    StringBuilder hex = new StringBuilder();
    for (ChunkCases.Case c : ChunkCases.all()) {
      if (!(c.message() instanceof SetChunkSize)) { // keep the default chunk size the table assumes
        expected.add(c.message());
        hex.append(c.hex());
      }
    }
    byte[] all = HexFormat.of().parseHex(hex);
    Random random = new Random(7);
    for (int round = 0; round < 50; round++) {
      EmbeddedChannel ch = new EmbeddedChannel(new ChunkDecoder(LIMITS));
      for (int at = 0; at < all.length; ) {
        int n = Math.min(all.length - at, 1 + random.nextInt(round % 2 == 0 ? 4 : 400));
        ch.writeInbound(Unpooled.wrappedBuffer(all, at, n));
        at += n;
      }
      assertEquals(expected, readAll(ch), "round " + round);
      assertFalse(ch.finish());
    }
  }

  /** RTMP spec 5.3.2.1 example 1: audio with fmt 0, then fmt 2, then fmt 3 for new messages. */
  @Test
  void specExampleOneInheritsDeltasForNewMessages() {
    String body = "aa".repeat(32);
    String hex = "03" + "0003e8" + "000020" + "08" + "39300000" + body
        + "83" + "000014" + body
        + "c3" + body
        + "c3" + body;
    List<RtmpMessage> got = decode(hex);
    assertEquals(List.of(1000L, 1020L, 1040L, 1060L), got.stream().map(RtmpMessage::timestamp).toList());
    assertTrue(got.stream().allMatch(m -> m instanceof AudioMessage a && a.streamId() == 12345 && a.data().length() == 32));
  }

  /** 5.3.2.2 example 2: a 307-byte message in fmt 0 + two fmt 3 chunks. */
  @Test
  void specExampleTwoReassemblesContinuations() {
    byte[] body = ChunkCases.pattern(307, 9);
    String hex = ChunkCases.chunked("04" + "0003e8" + "000133" + "09" + "39300000", ChunkCases.hex(body), "c4");
    assertEquals(List.of(new VideoMessage(12345, 1000, Payload.wrap(body))), decode(hex));
  }

  @Test
  void fmtOneChangesLengthAndTypeAndAFmtThreeAfterFmtZeroAddsTheAbsoluteField() {
    String hex = "06" + "000064" + "000002" + "08" + "01000000" + "af01"   // audio ts 100
        + "46" + "00000a" + "000003" + "09" + "170000"                    // video ts 110
        + "c6" + "171111";                                                   // fmt 3: delta 10 again -> 120
    List<RtmpMessage> got = decode(hex);
    assertEquals(List.of(
        new AudioMessage(1, 100, payload("af01")),
        new VideoMessage(1, 110, payload("170000")),
        new VideoMessage(1, 120, payload("171111"))), got);
    // ffmpeg/SRS reading: after fmt 0 the "delta" is the absolute field.
    assertEquals(List.of(new AudioMessage(1, 100, payload("af")), new AudioMessage(1, 200, payload("af"))),
        decode("06" + "000064" + "000001" + "08" + "01000000" + "af" + "c6" + "af"));
  }

  @Test
  void timestampsWrapAt32Bits() {
    String hex = "06" + "ffffff" + "000001" + "08" + "01000000" + "fffffff0" + "af"
        + "86" + "000020" + "af";
    assertEquals(List.of(0xFFFFFFF0L, 0x10L), decode(hex).stream().map(RtmpMessage::timestamp).toList());
  }

  @Test
  void basicHeadersOfTwoAndThreeBytes() {
    String hex = "00" + "00" + "000001" + "000001" + "08" + "01000000" + "a1"      // csid 64
        + "00" + "ff" + "000002" + "000001" + "08" + "01000000" + "a2"             // csid 319
        + "01" + "0001" + "000003" + "000001" + "08" + "01000000" + "a3"           // csid 320
        + "01" + "ffff" + "000004" + "000001" + "08" + "01000000" + "a4"           // csid 65599
        + "c0" + "00" + "a5";                                                       // fmt 3 on csid 64
    assertEquals(List.of(1L, 2L, 3L, 4L, 2L), decode(hex).stream().map(RtmpMessage::timestamp).toList());
  }

  static Stream<Arguments> extendedContinuations() {
    byte[] body = ChunkCases.pattern(200, 4);
    String header = "07" + "ffffff" + "0000c8" + "09" + "01000000" + "01000000";
    return Stream.of(
        Arguments.of("repeated on type 3 (Flash, ffmpeg)", ChunkCases.chunked(header, ChunkCases.hex(body), "c7" + "01000000"), body),
        Arguments.of("omitted on type 3 (older librtmp)", ChunkCases.chunked(header, ChunkCases.hex(body), "c7"), body));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("extendedContinuations")
  void extendedTimestampOnContinuationsEitherWay(String name, String hex, byte[] body) {
    assertEquals(List.of(new VideoMessage(1, 0x01000000, Payload.wrap(body))), decode(hex));
  }

  @Test
  void fmtThreeStartingAMessageAfterAnExtendedHeaderReadsTheExtendedField() {
    String hex = "06" + "ffffff" + "000001" + "08" + "01000000" + "01000000" + "af"
        + "c6" + "01000000" + "af";
    assertEquals(List.of(0x01000000L, 0x02000000L), decode(hex).stream().map(RtmpMessage::timestamp).toList());
  }

  @Test
  void peerSetChunkSizeChangesDecoding() {
    byte[] body = ChunkCases.pattern(5000, 8);
    String hex = "02" + "000000" + "000004" + "01" + "00000000" + "00001000"
        + ChunkCases.chunkedAt("07" + "000000" + "001388" + "09" + "01000000", ChunkCases.hex(body), "c7", 4096);
    ChunkDecoder decoder = new ChunkDecoder(LIMITS);
    List<RtmpMessage> got = decode(decoder, hex);
    assertEquals(List.of(new SetChunkSize(0, 0, 4096), new VideoMessage(1, 0, Payload.wrap(body))), got);
    assertEquals(4096, decoder.peerChunkSize());
  }

  @Test
  void abortDropsThePartialMessage() {
    byte[] body = ChunkCases.pattern(200, 1);
    String hex = "07" + "000000" + "0000c8" + "09" + "01000000" + ChunkCases.hex(Arrays.copyOf(body, 128))
        + "02" + "000000" + "000004" + "02" + "00000000" + "00000007"
        + "07" + "000005" + "000002" + "09" + "01000000" + "1701";
    List<RtmpMessage> got = decode(hex);
    assertEquals(2, got.size());
    assertEquals(new VideoMessage(1, 5, payload("1701")), got.get(1));
  }

  @Test
  void acknowledgesEachWindowOfReceivedBytes() {
    EmbeddedChannel ch = new EmbeddedChannel(new ChunkDecoder(LIMITS));
    ch.writeInbound(bytes("02" + "000000" + "000004" + "05" + "00000000" + "000003e8")); // window 1000
    assertEquals(new WindowAckSize(0, 0, 1000), ch.readInbound());
    String video = "07" + "000000" + "000064" + "09" + "01000000" + "11".repeat(100); // 112 bytes
    for (int i = 0; i < 8; i++) {
      ch.writeInbound(bytes(video));
    }
    assertNull(ch.readOutbound(), "16 + 8 * 112 = 912 bytes: below the window");
    ch.writeInbound(bytes(video));
    assertEquals(new Acknowledgement(0, 0, 1024), ch.readOutbound());
    assertEquals(9, readAll(ch).size());
    assertFalse(ch.finish());
  }

  @Test
  void amf3WrappedCommandsAndDataAreDecodedAsAmf0() {
    String cmd = ChunkCases.str("releaseStream") + ChunkCases.num(2) + "05" + ChunkCases.str("key");
    String data = ChunkCases.str("onMetaData") + "03" + ChunkCases.key("w") + ChunkCases.num(1) + "000009";
    String hex = "03" + "000000" + ChunkCases.len("00" + cmd) + "11" + "00000000" + "00" + cmd
        + "05" + "000000" + ChunkCases.len("00" + data) + "0f" + "01000000" + "00" + data;
    assertEquals(List.of(
        new Command(0, 0, "releaseStream", 2, Arrays.asList(null, "key")),
        new DataMessage(1, 0, List.of("onMetaData", java.util.Map.of("w", 1.0)))), decode(hex));
  }

  static Stream<Arguments> violations() {
    String video = "07" + "000000" + "000002" + "09" + "01000000" + "1700";
    return Stream.of(
        Arguments.of("chunk size 0", "02000000000004010000000000000000", "Set Chunk Size 0 "),
        Arguments.of("chunk size with the high bit", "02000000000004010000000080001000", "Set Chunk Size 2147487744 (0x80001000)"),
        Arguments.of("chunk size over the limit", "02000000000004010000000000200000", "outside 1..1048576"),
        Arguments.of("message over the limit", "07000000" + "7fffff" + "0901000000", "8388607 bytes exceeds the limit of 4194304"),
        Arguments.of("fmt 1 without fmt 0", "47000000000002" + "09" + "1700", "chunk stream 7: fmt 1 header without a previous fmt 0"),
        Arguments.of("fmt 3 without fmt 0", "c51700", "chunk stream 5: fmt 3 header without a previous fmt 0"),
        Arguments.of("new header inside a message", "07000000" + "0000c8" + "0901000000" + "11".repeat(128) + video,
            "chunk stream 7: fmt 0 header while 72 of 200 bytes"),
        Arguments.of("short control message", "02000000000003010000000000001000".substring(0, 30), "type 1 of 3 bytes (4 expected)"),
        Arguments.of("AMF3 value in a command", "03000000" + "000002" + "1100000000" + "0011", "AVM+ switch marker 0x11"),
        Arguments.of("command without a name", "03000000" + "000009" + "1400000000" + ChunkCases.num(1), "must start with a name string"),
        Arguments.of("user control too short", "02000000" + "000001" + "0400000000" + "00", "User Control message of 1 bytes"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("violations")
  void violationsThrowTheProtocolExceptionAndClose(String name, String hex, String messagePart) {
    EmbeddedChannel ch = new EmbeddedChannel(new ChunkDecoder(LIMITS));
    RtmpProtocolException e = assertThrows(RtmpProtocolException.class, () -> ch.writeInbound(bytes(hex)));
    assertTrue(e.getMessage().contains(messagePart), e.getMessage());
    assertFalse(ch.isOpen(), "channel closed");
    readAll(ch).forEach(m -> assertFalse(m instanceof VideoMessage, "nothing after the violation"));
    assertFalse(ch.finish());
  }

  @Test
  void limitsTheNumberOfChunkStreams() {
    StringBuilder hex = new StringBuilder();
    for (int csid = 2; csid < 10; csid++) {
      hex.append(String.format("%02x", csid)).append("000000" + "000001" + "08" + "01000000" + "af");
    }
    EmbeddedChannel ch = new EmbeddedChannel(new ChunkDecoder(LIMITS.withMaxChunkStreams(7)));
    RtmpProtocolException e = assertThrows(RtmpProtocolException.class, () -> ch.writeInbound(bytes(hex.toString())));
    assertTrue(e.getMessage().contains("chunk stream 9 would be stream number 8, more than the limit of 7"), e.getMessage());
    assertEquals(7, readAll(ch).size());
    assertFalse(ch.finish());
  }

  @Test
  void limitsBytesHeldInUnfinishedMessages() {
    RtmpLimits limits = LIMITS.withMaxMessageSize(1000);
    EmbeddedChannel ch = new EmbeddedChannel(new ChunkDecoder(limits));
    ch.writeInbound(bytes("02" + "000000" + "000004" + "01" + "00000000" + "00000001")); // chunk size 1
    ch.writeInbound(bytes("07" + "000000" + "0003e8" + "09" + "01000000" + "11")); // 1 of 1000 bytes
    ch.writeInbound(bytes("06" + "000000" + "0003e8" + "08" + "01000000" + "11")); // 1 of 1000 bytes
    RtmpProtocolException e = assertThrows(RtmpProtocolException.class,
        () -> ch.writeInbound(bytes("05" + "000000" + "000001" + "08" + "01000000" + "11")));
    assertTrue(e.getMessage().contains("message of 1 bytes on top of 2000 bytes of unfinished messages exceeds 2000"), e.getMessage());
    assertEquals(List.of(new SetChunkSize(0, 0, 1)), readAll(ch));
    assertFalse(ch.finish());
  }

  private static List<RtmpMessage> decode(String hex) {
    return decode(new ChunkDecoder(LIMITS), hex);
  }

  private static List<RtmpMessage> decode(ChunkDecoder decoder, String hex) {
    EmbeddedChannel ch = new EmbeddedChannel(decoder);
    ch.writeInbound(bytes(hex));
    List<RtmpMessage> got = readAll(ch);
    assertFalse(ch.finish());
    return got;
  }

  static List<RtmpMessage> readAll(EmbeddedChannel ch) {
    List<RtmpMessage> got = new ArrayList<>();
    for (Object m; (m = ch.readInbound()) != null; ) {
      got.add((RtmpMessage) m);
    }
    return got;
  }

  private static io.netty.buffer.ByteBuf bytes(String hex) {
    return Unpooled.wrappedBuffer(HexFormat.of().parseHex(hex));
  }

  private static Payload payload(String hex) {
    return Payload.wrap(HexFormat.of().parseHex(hex));
  }
}
