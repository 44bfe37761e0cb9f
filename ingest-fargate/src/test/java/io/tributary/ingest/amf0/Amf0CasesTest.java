package io.tributary.ingest.amf0;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.tributary.ingest.message.RtmpProtocolException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** One table of (name, value, bytes) used both ways: read(bytes)==value and write(value)==bytes. */
class Amf0CasesTest {

  static Stream<Arguments> roundTrip() {
    Map<String, Object> obj = new LinkedHashMap<>();
    obj.put("app", "live");
    obj.put("tcUrl", "rtmp://h/live");
    obj.put("fpad", false);
    obj.put("capabilities", 15.0);
    Map<String, Object> nested = new LinkedHashMap<>();
    nested.put("level", "status");
    nested.put("data", new LinkedHashMap<>(Map.of("n", 1.0)));
    return Stream.of(
        Arguments.of("number", 1.5, "003ff8000000000000"),
        Arguments.of("number zero", 0.0, "000000000000000000"),
        Arguments.of("true", true, "0101"),
        Arguments.of("false", false, "0100"),
        Arguments.of("string", "connect", "020007636f6e6e656374"),
        Arguments.of("empty string", "", "020000"),
        Arguments.of("utf8 string", "é", "020002c3a9"),
        Arguments.of("null", null, "05"),
        Arguments.of("object", obj,
            "03" + "0003" + hex("app") + "020004" + hex("live")
                + "0005" + hex("tcUrl") + "02000d" + hex("rtmp://h/live")
                + "0004" + hex("fpad") + "0100"
                + "000c" + hex("capabilities") + "00402e000000000000"
                + "000009"),
        Arguments.of("nested object", nested,
            "03" + "0005" + hex("level") + "020006" + hex("status")
                + "0004" + hex("data") + "03" + "0001" + hex("n") + "003ff0000000000000" + "000009"
                + "000009"),
        Arguments.of("strict array", Arrays.asList(1.0, null, "a"),
            "0a00000003" + "003ff0000000000000" + "05" + "02000161"),
        Arguments.of("date", Instant.ofEpochMilli(1000), "0b408f4000000000000000"));
  }

  static Stream<Arguments> decodeOnly() {
    Map<String, Object> ecma = new LinkedHashMap<>();
    ecma.put("duration", 0.0);
    ecma.put("width", 160.0);
    return Stream.of(
        Arguments.of("undefined", null, "06"),
        Arguments.of("long string", "ab", "0c00000002" + "6162"),
        Arguments.of("ECMA array", ecma,
            "0800000002" + "0008" + hex("duration") + "000000000000000000"
                + "0005" + hex("width") + "004064000000000000" + "000009"),
        Arguments.of("ECMA array with a wrong count", ecma,
            "0800000007" + "0008" + hex("duration") + "000000000000000000"
                + "0005" + hex("width") + "004064000000000000" + "000009"),
        Arguments.of("ECMA array ending without end marker", ecma,
            "0800000002" + "0008" + hex("duration") + "000000000000000000"
                + "0005" + hex("width") + "004064000000000000"),
        Arguments.of("empty object", Map.of(), "03000009"));
  }

  static Stream<Arguments> rejected() {
    return Stream.of(
        Arguments.of("reference", "070001", "reference"),
        Arguments.of("AMF3 switch", "1104", "0x11"),
        Arguments.of("movieclip", "04", "0x04"),
        Arguments.of("typed object", "10000141" + "000009", "0x10"),
        Arguments.of("stray object end", "09", "object end"),
        Arguments.of("truncated number", "003ff8", "needs 8 bytes"),
        Arguments.of("truncated string", "0200054142", "needs 5 bytes"),
        Arguments.of("truncated object", "03000161", "needs 1 bytes"),
        Arguments.of("strict array count beyond input", "0affffffff05", "declares 4294967295 elements"),
        Arguments.of("empty input marker", "", "marker"),
        Arguments.of("NaN date", "0b7ff80000000000000000", "not finite"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("roundTrip")
  void readsTableBytes(String name, Object value, String hex) {
    assertEquals(value, readOne(hex));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("roundTrip")
  void writesTableBytes(String name, Object value, String hex) {
    ByteBuf out = Unpooled.buffer();
    try {
      Amf0Writer.write(out, value);
      assertEquals(hex, ByteBufUtil.hexDump(out));
    } finally {
      out.release();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("decodeOnly")
  void readsTolerantForms(String name, Object value, String hex) {
    assertEquals(value, readOne(hex));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rejected")
  void rejectsClearly(String name, String hex, String messagePart) {
    RtmpProtocolException e = assertThrows(RtmpProtocolException.class, () -> readOne(hex));
    assertTrue(e.getMessage().contains(messagePart), e.getMessage());
  }

  @org.junit.jupiter.api.Test
  void limitsNestingDepth() {
    // 3 nested strict arrays of one element each, then null.
    String hex = "0a00000001".repeat(3) + "05";
    assertEquals(List.of(List.of(Arrays.asList((Object) null))), readOne(hex, 3));
    RtmpProtocolException e = assertThrows(RtmpProtocolException.class, () -> readOne(hex, 2));
    assertTrue(e.getMessage().contains("depth 3"), e.getMessage());
  }

  @org.junit.jupiter.api.Test
  void writesLongStringAboveSixtyFourKiB() {
    String s = "x".repeat(70_000);
    ByteBuf out = Unpooled.buffer();
    try {
      Amf0Writer.write(out, s);
      assertEquals(0x0C, out.getUnsignedByte(0));
      assertEquals(70_000, out.getInt(1));
      assertEquals(s, new Amf0Reader(out, 4).read());
    } finally {
      out.release();
    }
  }

  @org.junit.jupiter.api.Test
  void readAllReadsSequence() {
    byte[] bytes = HexFormat.of().parseHex("020007636f6e6e656374" + "003ff0000000000000" + "05");
    List<Object> expected = new ArrayList<>();
    expected.add("connect");
    expected.add(1.0);
    expected.add(null);
    assertEquals(expected, Amf0Reader.readAll(bytes, 4));
  }

  @org.junit.jupiter.api.Test
  void writerRejectsUnmappedTypes() {
    ByteBuf out = Unpooled.buffer();
    try {
      assertThrows(IllegalArgumentException.class, () -> Amf0Writer.write(out, new Object()));
      assertThrows(IllegalArgumentException.class, () -> Amf0Writer.write(out, Map.of(1, 2)));
    } finally {
      out.release();
    }
  }

  private static Object readOne(String hex) {
    return readOne(hex, Amf0Reader.DEFAULT_MAX_DEPTH);
  }

  private static Object readOne(String hex, int depth) {
    ByteBuf in = Unpooled.wrappedBuffer(HexFormat.of().parseHex(hex));
    try {
      Amf0Reader reader = new Amf0Reader(in, depth);
      Object v = reader.read();
      assertEquals(0, in.readableBytes(), "trailing bytes");
      return v;
    } finally {
      in.release();
    }
  }

  private static String hex(String ascii) {
    return HexFormat.of().formatHex(ascii.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }
}
