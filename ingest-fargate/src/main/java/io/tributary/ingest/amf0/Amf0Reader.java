package io.tributary.ingest.amf0;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.tributary.ingest.message.RtmpProtocolException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Pure AMF0 decoder (AMF0 specification, Adobe 2007). Java mapping, as documented in
 * {@link io.tributary.ingest.message.Command}: number→Double, boolean→Boolean, string and long
 * string→String, object and ECMA array→LinkedHashMap&lt;String,Object&gt;, strict
 * array→List, null and undefined→null, date→Instant.
 *
 * <p>Rejected with {@link RtmpProtocolException}: references (2.9; encoders never need them in
 * RTMP commands and following them invites cycles), the AMF3 switch (2.18), the reserved
 * movieclip/recordset markers, XML, typed objects, nesting deeper than the configured depth,
 * and any length running past the end of the input. Reads from the buffer's reader index and
 * advances it; the buffer is not released.
 */
public final class Amf0Reader {
  /** Default maximum nesting of objects/arrays; real commands and onMetaData nest 2-3 deep. */
  public static final int DEFAULT_MAX_DEPTH = 16;

  private final ByteBuf in;
  private final int maxDepth;
  private final int start;

  public Amf0Reader(ByteBuf in, int maxDepth) {
    if (maxDepth < 1) {
      throw new IllegalArgumentException("maxDepth must be >= 1, got " + maxDepth);
    }
    this.in = in;
    this.maxDepth = maxDepth;
    this.start = in.readerIndex();
  }

  /** Decodes every value in {@code bytes}. */
  public static List<Object> readAll(byte[] bytes, int maxDepth) {
    return new Amf0Reader(Unpooled.wrappedBuffer(bytes), maxDepth).readAll();
  }

  /** Decodes values until the buffer has no readable bytes. */
  public List<Object> readAll() {
    List<Object> values = new ArrayList<>();
    while (in.isReadable()) {
      values.add(read());
    }
    return values;
  }

  public boolean hasMore() {
    return in.isReadable();
  }

  /** Decodes one value. */
  public Object read() {
    return readValue(0);
  }

  private Object readValue(int depth) {
    int at = offset();
    int marker = readUnsignedByte("marker");
    switch (marker) {
      case Amf0Marker.NUMBER:
        need(8, "number");
        return in.readDouble();
      case Amf0Marker.BOOLEAN:
        return readUnsignedByte("boolean") != 0;
      case Amf0Marker.STRING:
        return readUtf8(readUnsignedShort("string length"));
      case Amf0Marker.LONG_STRING:
        return readUtf8(readLength("long string length"));
      case Amf0Marker.OBJECT:
        return readProperties(depth + 1, at, false);
      case Amf0Marker.ECMA_ARRAY:
        // The associative count (2.10) is a hint that encoders get wrong; the end marker decides.
        readLength("ECMA array count");
        return readProperties(depth + 1, at, true);
      case Amf0Marker.STRICT_ARRAY:
        return readStrictArray(depth + 1, at);
      case Amf0Marker.NULL:
      case Amf0Marker.UNDEFINED:
        return null;
      case Amf0Marker.DATE:
        need(10, "date");
        double millis = in.readDouble();
        in.skipBytes(2); // time zone: reserved, "should be set to 0x0000" (2.13)
        if (Double.isNaN(millis) || Double.isInfinite(millis)) {
          throw RtmpProtocolException.of("AMF0 date at offset %d is not finite: %s", at, millis);
        }
        return Instant.ofEpochMilli((long) millis);
      case Amf0Marker.REFERENCE:
        throw RtmpProtocolException.of("AMF0 reference (marker 0x07) at offset %d is not supported", at);
      case Amf0Marker.AVMPLUS:
        throw RtmpProtocolException.of("AMF3 value (AVM+ switch marker 0x11) at offset %d is not supported", at);
      case Amf0Marker.OBJECT_END:
        throw RtmpProtocolException.of("AMF0 object end marker at offset %d outside an object", at);
      default:
        throw RtmpProtocolException.of("unsupported AMF0 marker 0x%02x at offset %d", marker, at);
    }
  }

  private Map<String, Object> readProperties(int depth, int at, boolean ecma) {
    checkDepth(depth, at);
    Map<String, Object> map = new LinkedHashMap<>();
    while (true) {
      if (ecma && !in.isReadable()) {
        return map; // some encoders end an ECMA array at the end of the message without 00 00 09
      }
      String key = readUtf8(readUnsignedShort("property name length"));
      if (key.isEmpty() && in.isReadable() && in.getUnsignedByte(in.readerIndex()) == Amf0Marker.OBJECT_END) {
        in.skipBytes(1);
        return map;
      }
      map.put(key, readValue(depth));
    }
  }

  private List<Object> readStrictArray(int depth, int at) {
    checkDepth(depth, at);
    long count = readLength("strict array count");
    // Every value takes at least one byte: a count beyond the input is a lie, not an allocation.
    if (count > in.readableBytes()) {
      throw RtmpProtocolException.of(
          "AMF0 strict array at offset %d declares %d elements but only %d bytes remain", at, count, in.readableBytes());
    }
    List<Object> list = new ArrayList<>((int) count);
    for (long i = 0; i < count; i++) {
      list.add(readValue(depth));
    }
    return list;
  }

  private void checkDepth(int depth, int at) {
    if (depth > maxDepth) {
      throw RtmpProtocolException.of("AMF0 nesting depth %d at offset %d exceeds the limit %d", depth, at, maxDepth);
    }
  }

  private String readUtf8(long length) {
    need(length, "string");
    String s = in.toString(in.readerIndex(), (int) length, StandardCharsets.UTF_8);
    in.skipBytes((int) length);
    return s;
  }

  private int readUnsignedByte(String what) {
    need(1, what);
    return in.readUnsignedByte();
  }

  private int readUnsignedShort(String what) {
    need(2, what);
    return in.readUnsignedShort();
  }

  private long readLength(String what) {
    need(4, what);
    return in.readUnsignedInt();
  }

  private void need(long n, String what) {
    if (in.readableBytes() < n) {
      throw RtmpProtocolException.of(
          "AMF0 %s at offset %d needs %d bytes but only %d remain", what, offset(), n, in.readableBytes());
    }
  }

  private int offset() {
    return in.readerIndex() - start;
  }
}
