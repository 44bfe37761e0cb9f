package io.tributary.ingest.flv;

import io.tributary.ingest.message.Payload;
import java.util.ArrayList;
import java.util.List;

/**
 * One FLV file being written while a chunk is cut, in {@link BlockPool} blocks. Tags are appended
 * as they arrive (one copy from the message payload) and closing a chunk hands the blocks over
 * ({@link #take}) without copying or re-serialising. Layout per the FLV file format (Adobe FLV
 * spec v10.1, annex E.2-E.4).
 */
final class FlvBuffer {
  static final int TAG_AUDIO = 8;
  static final int TAG_VIDEO = 9;
  static final int TAG_SCRIPT = 18;
  /** Tag header (11 bytes) plus the PreviousTagSize field (4 bytes). */
  static final int TAG_OVERHEAD = 15;
  private static final int BLOCK = BlockPool.BLOCK_SIZE;

  private final BlockPool pool;
  private List<byte[]> blocks = new ArrayList<>();
  /** The block being written (the last of {@link #blocks}) and the write position in it. */
  private byte[] cur;
  private int pos = BLOCK;
  private int size;

  FlvBuffer(BlockPool pool) {
    this.pool = pool;
  }

  int size() {
    return size;
  }

  /** Heap held: the blocks of the chunk being written. */
  int capacity() {
    return blocks.size() * BLOCK;
  }

  /** FLV header (E.2) and PreviousTagSize0. */
  void writeHeader(boolean audio, boolean video) {
    put((byte) 'F');
    put((byte) 'L');
    put((byte) 'V');
    put((byte) 1);
    put((byte) ((audio ? 0x04 : 0) | (video ? 0x01 : 0)));
    writeInt(9);
    writeInt(0);
  }

  /** One tag (E.4.1): 24-bit size, timestamp split into 24 low bits + 8-bit extension, stream id 0. */
  void writeTag(int type, long timestamp, byte[] data, int offset, int length) {
    if (length > 0xFFFFFF) {
      throw new IllegalArgumentException("FLV tag body of " + length + " bytes exceeds the 24-bit size field");
    }
    put((byte) type);
    writeInt24(length);
    writeInt24((int) (timestamp & 0xFFFFFF));
    put((byte) ((timestamp >>> 24) & 0xFF));
    writeInt24(0);
    int off = offset;
    int left = length;
    while (left > 0) {
      if (pos == BLOCK) {
        next();
      }
      int k = Math.min(left, BLOCK - pos);
      System.arraycopy(data, off, cur, pos, k);
      pos += k;
      off += k;
      left -= k;
    }
    size += length;
    writeInt(length + 11);
  }

  void writeTag(int type, long timestamp, Payload data) {
    writeTag(type, timestamp, data.array(), 0, data.length());
  }

  /** Hands the file over (no copy) and leaves this buffer empty, holding no blocks. */
  ChunkBytes take() {
    ChunkBytes out = new ChunkBytes(blocks, size, pool);
    blocks = new ArrayList<>();
    cur = null;
    pos = BLOCK;
    size = 0;
    return out;
  }

  /** Drops what was written; the blocks go back to the pool. */
  void reset() {
    for (byte[] b : blocks) {
      pool.give(b);
    }
    blocks.clear();
    cur = null;
    pos = BLOCK;
    size = 0;
  }

  private void next() {
    cur = pool.take();
    blocks.add(cur);
    pos = 0;
  }

  private void put(byte b) {
    if (pos == BLOCK) {
      next();
    }
    cur[pos++] = b;
    size++;
  }

  private void writeInt(int v) {
    put((byte) (v >>> 24));
    put((byte) (v >>> 16));
    put((byte) (v >>> 8));
    put((byte) v);
  }

  private void writeInt24(int v) {
    put((byte) (v >>> 16));
    put((byte) (v >>> 8));
    put((byte) v);
  }
}
