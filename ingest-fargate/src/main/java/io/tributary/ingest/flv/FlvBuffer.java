package io.tributary.ingest.flv;

import io.tributary.ingest.message.Payload;
import java.util.Arrays;

/**
 * A growable byte array holding one FLV file while a chunk is being cut. Tags are appended as
 * they arrive (one copy from the message payload), so closing a chunk costs no re-serialisation.
 * Layout per the FLV file format (Adobe FLV spec v10.1, annex E.2-E.4).
 */
final class FlvBuffer {
  static final int TAG_AUDIO = 8;
  static final int TAG_VIDEO = 9;
  static final int TAG_SCRIPT = 18;
  /** Tag header (11 bytes) plus the PreviousTagSize field (4 bytes). */
  static final int TAG_OVERHEAD = 15;

  private byte[] bytes;
  private int size;

  FlvBuffer(int initialCapacity) {
    bytes = new byte[Math.max(64, initialCapacity)];
  }

  int size() {
    return size;
  }

  int capacity() {
    return bytes.length;
  }

  /** FLV header (E.2) and PreviousTagSize0. */
  void writeHeader(boolean audio, boolean video) {
    ensure(13);
    bytes[size++] = 'F';
    bytes[size++] = 'L';
    bytes[size++] = 'V';
    bytes[size++] = 1;
    bytes[size++] = (byte) ((audio ? 0x04 : 0) | (video ? 0x01 : 0));
    writeInt(9);
    writeInt(0);
  }

  /** One tag (E.4.1): 24-bit size, timestamp split into 24 low bits + 8-bit extension, stream id 0. */
  void writeTag(int type, long timestamp, byte[] data, int offset, int length) {
    if (length > 0xFFFFFF) {
      throw new IllegalArgumentException("FLV tag body of " + length + " bytes exceeds the 24-bit size field");
    }
    ensure(length + TAG_OVERHEAD);
    bytes[size++] = (byte) type;
    writeInt24(length);
    writeInt24((int) (timestamp & 0xFFFFFF));
    bytes[size++] = (byte) ((timestamp >>> 24) & 0xFF);
    writeInt24(0);
    System.arraycopy(data, offset, bytes, size, length);
    size += length;
    writeInt(length + 11);
  }

  void writeTag(int type, long timestamp, Payload data) {
    writeTag(type, timestamp, data.array(), 0, data.length());
  }

  Payload toPayload() {
    return Payload.wrap(Arrays.copyOf(bytes, size));
  }

  void reset() {
    size = 0;
  }

  /** Drops the backing array down to {@code capacity} so an idle connection holds little heap. */
  void shrinkTo(int capacity) {
    if (bytes.length > capacity && size <= capacity) {
      bytes = Arrays.copyOf(bytes, capacity);
    }
  }

  private void writeInt(int v) {
    bytes[size++] = (byte) (v >>> 24);
    bytes[size++] = (byte) (v >>> 16);
    bytes[size++] = (byte) (v >>> 8);
    bytes[size++] = (byte) v;
  }

  private void writeInt24(int v) {
    bytes[size++] = (byte) (v >>> 16);
    bytes[size++] = (byte) (v >>> 8);
    bytes[size++] = (byte) v;
  }

  private void ensure(int more) {
    if (size + more > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
    }
  }
}
