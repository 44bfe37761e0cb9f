package io.tributary.ingest.amf0;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Pure AMF0 encoder, the inverse of {@link Amf0Reader} for the values we send: Number→number,
 * Boolean→boolean, String→string (long string above 65535 UTF-8 bytes), Map with String
 * keys→object, List→strict array, null→null, Instant→date. Anything else is a bug on our side
 * and raises {@link IllegalArgumentException}.
 */
public final class Amf0Writer {
  private Amf0Writer() {}

  public static void writeAll(ByteBuf out, List<?> values) {
    for (Object v : values) {
      write(out, v);
    }
  }

  public static void write(ByteBuf out, Object value) {
    if (value == null) {
      out.writeByte(Amf0Marker.NULL);
    } else if (value instanceof Number n) {
      out.writeByte(Amf0Marker.NUMBER);
      out.writeDouble(n.doubleValue());
    } else if (value instanceof Boolean b) {
      out.writeByte(Amf0Marker.BOOLEAN);
      out.writeByte(b ? 1 : 0);
    } else if (value instanceof String s) {
      writeString(out, s);
    } else if (value instanceof Map<?, ?> map) {
      out.writeByte(Amf0Marker.OBJECT);
      for (Map.Entry<?, ?> e : map.entrySet()) {
        if (!(e.getKey() instanceof String key)) {
          throw new IllegalArgumentException("AMF0 object keys must be strings, got " + e.getKey());
        }
        writeUtf8(out, key, false);
        write(out, e.getValue());
      }
      out.writeShort(0);
      out.writeByte(Amf0Marker.OBJECT_END);
    } else if (value instanceof List<?> list) {
      out.writeByte(Amf0Marker.STRICT_ARRAY);
      out.writeInt(list.size());
      for (Object v : list) {
        write(out, v);
      }
    } else if (value instanceof Instant t) {
      out.writeByte(Amf0Marker.DATE);
      out.writeDouble(t.toEpochMilli());
      out.writeShort(0);
    } else {
      throw new IllegalArgumentException("no AMF0 mapping for " + value.getClass().getName());
    }
  }

  private static void writeString(ByteBuf out, String s) {
    boolean isLong = ByteBufUtil.utf8Bytes(s) > 0xFFFF;
    out.writeByte(isLong ? Amf0Marker.LONG_STRING : Amf0Marker.STRING);
    writeUtf8(out, s, isLong);
  }

  private static void writeUtf8(ByteBuf out, String s, boolean longLength) {
    int length = ByteBufUtil.utf8Bytes(s);
    if (!longLength && length > 0xFFFF) {
      throw new IllegalArgumentException("AMF0 property name longer than 65535 bytes: " + length);
    }
    if (longLength) {
      out.writeInt(length);
    } else {
      out.writeShort(length);
    }
    ByteBufUtil.reserveAndWriteUtf8(out, s, length);
  }
}
