package io.tributary.transcode.mp4;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads box headers out of a byte array; pure, no copying. */
public final class BoxReader {
  private final byte[] data;

  public BoxReader(byte[] data) {
    this.data = data;
  }

  public byte[] data() {
    return data;
  }

  /** The top-level boxes of the whole array. */
  public List<Box> top() {
    return scan(0, data.length);
  }

  /** Boxes directly inside a container box, skipping {@code skip} bytes of the payload first (sample entries have fields before children). */
  public List<Box> children(Box parent, int skip) {
    return scan(parent.payload() + skip, parent.end());
  }

  public List<Box> children(Box parent) {
    return children(parent, 0);
  }

  public Optional<Box> child(Box parent, String type) {
    return children(parent).stream().filter(b -> b.type().equals(type)).findFirst();
  }

  /** Follows a path of container types from the top level, e.g. {@code moov/trak/mdia/mdhd}. */
  public Optional<Box> find(String path) {
    String[] parts = path.split("/");
    Optional<Box> current = top().stream().filter(b -> b.type().equals(parts[0])).findFirst();
    for (int i = 1; i < parts.length && current.isPresent(); i++) {
      current = child(current.get(), parts[i]);
    }
    return current;
  }

  public List<Box> scan(int from, int to) {
    List<Box> boxes = new ArrayList<>();
    int off = from;
    while (off < to) {
      if (to - off < 8) {
        throw new Mp4Exception("?", off, (to - off) + " trailing bytes cannot hold a box header");
      }
      long size = u32(off);
      String type = new String(data, off + 4, 4, StandardCharsets.ISO_8859_1);
      int header = 8;
      if (size == 1) {
        size = u64(off + 8);
        header = 16;
      } else if (size == 0) {
        size = to - off;
      }
      if (size < header || off + size > to) {
        throw new Mp4Exception(type, off, "box size " + size + " does not fit in its parent (" + (to - off) + " bytes left)");
      }
      boxes.add(new Box(type, off, header, (int) size));
      off += (int) size;
    }
    return boxes;
  }

  public int u8(int off) {
    return data[off] & 0xff;
  }

  public int u16(int off) {
    return (u8(off) << 8) | u8(off + 1);
  }

  public int u24(int off) {
    return (u8(off) << 16) | u16(off + 1);
  }

  public long u32(int off) {
    return ((long) u8(off) << 24) | ((long) u8(off + 1) << 16) | ((long) u8(off + 2) << 8) | u8(off + 3);
  }

  public int s32(int off) {
    return (int) u32(off);
  }

  public long u64(int off) {
    return (u32(off) << 32) | u32(off + 4);
  }

  public String fourcc(int off) {
    return new String(data, off, 4, StandardCharsets.ISO_8859_1);
  }
}
