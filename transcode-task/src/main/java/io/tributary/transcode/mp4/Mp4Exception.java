package io.tributary.transcode.mp4;

/** Bytes that are not the ISO BMFF (ISO/IEC 14496-12) structure the reader expects; names the box and offset. */
public class Mp4Exception extends RuntimeException {
  private final String box;
  private final long offset;

  public Mp4Exception(String box, long offset, String message) {
    super(message + " (box " + box + " at offset " + offset + ")");
    this.box = box;
    this.offset = offset;
  }

  public String box() {
    return box;
  }

  public long offset() {
    return offset;
  }
}
