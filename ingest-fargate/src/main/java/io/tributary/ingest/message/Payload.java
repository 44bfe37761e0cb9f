package io.tributary.ingest.message;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * Immutable message bytes with value equality, so records holding media compare by content.
 * Never holds a Netty ByteBuf: the chunk layer copies the reassembled message out once.
 */
public final class Payload {
  public static final Payload EMPTY = new Payload(new byte[0]);
  private final byte[] bytes;

  private Payload(byte[] bytes) {
    this.bytes = bytes;
  }

  /** Takes ownership of the array: the caller must not modify it afterwards. */
  public static Payload wrap(byte[] bytes) {
    return new Payload(bytes);
  }

  public static Payload copyOf(byte[] bytes, int offset, int length) {
    return new Payload(Arrays.copyOfRange(bytes, offset, offset + length));
  }

  public int length() {
    return bytes.length;
  }

  public byte get(int index) {
    return bytes[index];
  }

  /** The backing array, read-only by contract (no copy on the media hot path). */
  public byte[] array() {
    return bytes;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Payload p && Arrays.equals(bytes, p.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    int n = Math.min(bytes.length, 16);
    return "Payload[" + bytes.length + " bytes: " + HexFormat.of().formatHex(bytes, 0, n) + (n < bytes.length ? "..." : "") + "]";
  }
}
