package io.tributary.ingest.load;

import java.io.ByteArrayOutputStream;

/**
 * Client-side chunk serialisation (RTMP spec 5.3): every message starts with a type-0 header
 * (absolute timestamp) and continues in type-3 chunks; an extended timestamp (>= 0xFFFFFF) is
 * repeated on every type-3 chunk, as the spec and ffmpeg do. Type-0-only output is a little larger
 * than an encoder's, and lets the load tool pre-serialise one file once for all its streams.
 */
public final class RtmpWire {
  public static final int CSID_COMMAND = 3;
  public static final int CSID_AUDIO = 4;
  public static final int CSID_VIDEO = 6;

  private RtmpWire() {}

  public static void write(ByteArrayOutputStream out, int csid, int typeId, int streamId, long timestamp, byte[] body,
                           int chunkSize) {
    boolean ext = timestamp >= 0xFFFFFF;
    out.write(csid & 0x3F);
    int24(out, ext ? 0xFFFFFF : (int) timestamp);
    int24(out, body.length);
    out.write(typeId);
    // Message stream id is little-endian (5.3.1.2.1).
    out.write(streamId);
    out.write(streamId >>> 8);
    out.write(streamId >>> 16);
    out.write(streamId >>> 24);
    if (ext) {
      int32(out, timestamp);
    }
    int at = 0;
    do {
      int n = Math.min(chunkSize, body.length - at);
      out.write(body, at, n);
      at += n;
      if (at < body.length) {
        out.write(0xC0 | (csid & 0x3F));
        if (ext) {
          int32(out, timestamp);
        }
      }
    } while (at < body.length);
  }

  public static byte[] message(int csid, int typeId, int streamId, long timestamp, byte[] body, int chunkSize) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(body.length + 32);
    write(out, csid, typeId, streamId, timestamp, body, chunkSize);
    return out.toByteArray();
  }

  private static void int24(ByteArrayOutputStream out, int v) {
    out.write(v >>> 16);
    out.write(v >>> 8);
    out.write(v);
  }

  private static void int32(ByteArrayOutputStream out, long v) {
    out.write((int) (v >>> 24));
    out.write((int) (v >>> 16));
    out.write((int) (v >>> 8));
    out.write((int) v);
  }
}
