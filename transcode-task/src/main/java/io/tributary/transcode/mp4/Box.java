package io.tributary.transcode.mp4;

/**
 * One box header found in a byte array (ISO/IEC 14496-12 §4.2): where it starts, how long its
 * header is (8, or 16 with a 64-bit largesize), and its total size including the header.
 */
public record Box(String type, int offset, int headerSize, int size) {
  public Box {
    if (type == null || type.length() != 4) {
      throw new IllegalArgumentException("box type must be 4 characters, got " + type);
    }
    if (offset < 0 || (headerSize != 8 && headerSize != 16) || size < headerSize) {
      throw new IllegalArgumentException("bad box " + type + " offset=" + offset + " header=" + headerSize + " size=" + size);
    }
  }

  /** First byte after the header. */
  public int payload() {
    return offset + headerSize;
  }

  /** First byte after the box. */
  public int end() {
    return offset + size;
  }
}
