package io.tributary.ingest.flv;

import io.tributary.ingest.message.Payload;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses an FLV file into tags (spec v10.1 E.2-E.4). The load tool replays files with it and the
 * tests read chunks back with it; a truncated or malformed file is an {@link FlvFormatException}.
 */
public final class FlvReader {
  private FlvReader() {}

  public static List<FlvTag> read(byte[] file) {
    if (file.length < 13 || file[0] != 'F' || file[1] != 'L' || file[2] != 'V') {
      throw new FlvFormatException("not an FLV file (" + file.length + " bytes, no FLV signature)");
    }
    int headerSize = int32(file, 5);
    if (headerSize < 9 || headerSize > file.length - 4) {
      throw new FlvFormatException("FLV header size " + headerSize + " is impossible in a file of " + file.length + " bytes");
    }
    List<FlvTag> tags = new ArrayList<>();
    int at = headerSize + 4;
    while (at < file.length) {
      if (at + 11 > file.length) {
        throw new FlvFormatException("truncated tag header at offset " + at);
      }
      int type = file[at] & 0x1F;
      int size = int24(file, at + 1);
      long ts = (int24(file, at + 4) & 0xFFFFFFL) | ((long) (file[at + 7] & 0xFF) << 24);
      int body = at + 11;
      if (body + size + 4 > file.length) {
        throw new FlvFormatException("tag of " + size + " bytes at offset " + at + " runs past the end of the file");
      }
      int prev = int32(file, body + size);
      if (prev != size + 11) {
        throw new FlvFormatException("PreviousTagSize " + prev + " after the tag at offset " + at + " should be " + (size + 11));
      }
      tags.add(new FlvTag(type, ts, Payload.copyOf(file, body, size)));
      at = body + size + 4;
    }
    return tags;
  }

  private static int int24(byte[] b, int at) {
    return ((b[at] & 0xFF) << 16) | ((b[at + 1] & 0xFF) << 8) | (b[at + 2] & 0xFF);
  }

  private static int int32(byte[] b, int at) {
    return ((b[at] & 0xFF) << 24) | ((b[at + 1] & 0xFF) << 16) | ((b[at + 2] & 0xFF) << 8) | (b[at + 3] & 0xFF);
  }
}
