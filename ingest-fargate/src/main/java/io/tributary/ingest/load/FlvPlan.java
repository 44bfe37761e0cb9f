package io.tributary.ingest.load;

import io.tributary.ingest.flv.FlvReader;
import io.tributary.ingest.flv.FlvTag;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * An FLV file turned once into the RTMP bytes of its media messages (message stream 1, type-0
 * headers, our chunk size), so any number of simulated publishers replay the same array with no
 * per-stream serialisation cost. Script tags become {@code @setDataFrame} data messages.
 *
 * @param bytes all messages back to back
 * @param offsets start of message i in {@code bytes}; {@code offsets[n]} is the end
 * @param timestamps media timestamp of message i, milliseconds from the first
 */
public record FlvPlan(byte[] bytes, int[] offsets, long[] timestamps) {
  public static final int STREAM_ID = 1;

  public static FlvPlan of(byte[] flvFile, int chunkSize) {
    List<FlvTag> tags = FlvReader.read(flvFile);
    ByteArrayOutputStream out = new ByteArrayOutputStream(flvFile.length + flvFile.length / 20);
    int[] offsets = new int[tags.size() + 1];
    long[] ts = new long[tags.size()];
    long first = tags.isEmpty() ? 0 : tags.get(0).timestamp();
    for (int i = 0; i < tags.size(); i++) {
      FlvTag t = tags.get(i);
      offsets[i] = out.size();
      ts[i] = Math.max(0, t.timestamp() - first);
      byte[] body = t.body().array();
      int csid = t.type() == FlvTag.AUDIO ? RtmpWire.CSID_AUDIO : t.type() == FlvTag.VIDEO ? RtmpWire.CSID_VIDEO
          : RtmpWire.CSID_COMMAND;
      if (t.type() == FlvTag.SCRIPT) {
        body = withSetDataFrame(body);
      }
      RtmpWire.write(out, csid, t.type(), STREAM_ID, ts[i], body, chunkSize);
    }
    offsets[tags.size()] = out.size();
    return new FlvPlan(out.toByteArray(), offsets, ts);
  }

  public int messages() {
    return timestamps.length;
  }

  public long durationMs() {
    return timestamps.length == 0 ? 0 : timestamps[timestamps.length - 1];
  }

  /** Media bytes per second of the file, as sent on the wire. */
  public double bitsPerSecond() {
    return durationMs() == 0 ? 0 : bytes.length * 8000.0 / durationMs();
  }

  /** Prefixes an FLV script body with the AMF0 string "@setDataFrame" (what encoders publish). */
  private static byte[] withSetDataFrame(byte[] body) {
    byte[] name = "@setDataFrame".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    byte[] out = new byte[3 + name.length + body.length];
    out[0] = 0x02;
    out[1] = 0;
    out[2] = (byte) name.length;
    System.arraycopy(name, 0, out, 3, name.length);
    System.arraycopy(body, 0, out, 3 + name.length, body.length);
    return out;
  }

  /** For tests: the timestamps as a list. */
  public List<Long> timestampList() {
    List<Long> l = new ArrayList<>(timestamps.length);
    for (long t : timestamps) {
      l.add(t);
    }
    return l;
  }
}
