package io.tributary.ingest.flv;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.List;

/**
 * The bytes of one chunk file as a list of {@link BlockPool} blocks (all full but the last), handed
 * from the chunker to the upload queue without a copy. Read it as a stream ({@link #inputStream},
 * what the S3 PUT sends) or copy it out ({@link #toArray}). Once {@link #release}d (after the
 * upload or the spill to disk) the blocks belong to the pool again and this object is empty.
 * Equality is by content, like {@code Payload}.
 */
public final class ChunkBytes {
  public static final ChunkBytes EMPTY = new ChunkBytes(List.of(), 0, null);

  private List<byte[]> blocks;
  private final int length;
  private final BlockPool pool;

  ChunkBytes(List<byte[]> blocks, int length, BlockPool pool) {
    this.blocks = blocks;
    this.length = length;
    this.pool = pool;
  }

  /** Wraps an existing file (spilled chunks read back, tests); not recycled. */
  public static ChunkBytes wrap(byte[] file) {
    return new ChunkBytes(List.of(file), file.length, null);
  }

  public int length() {
    return length;
  }

  /** A fresh stream over the bytes (no copy); each call starts at the beginning. */
  public InputStream inputStream() {
    List<byte[]> bs = live();
    return new InputStream() {
      private int block;
      private int pos;
      private int left = length;

      @Override
      public int read() {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
      }

      @Override
      public int read(byte[] into, int off, int len) {
        if (left == 0) {
          return -1;
        }
        int n = 0;
        while (n < len && left > 0) {
          byte[] b = bs.get(block);
          int k = Math.min(Math.min(len - n, left), b.length - pos);
          System.arraycopy(b, pos, into, off + n, k);
          n += k;
          pos += k;
          left -= k;
          if (pos == b.length) {
            block++;
            pos = 0;
          }
        }
        return n;
      }

      @Override
      public int available() {
        return left;
      }
    };
  }

  public void writeTo(OutputStream out) throws IOException {
    int left = length;
    for (byte[] b : live()) {
      int k = Math.min(left, b.length);
      out.write(b, 0, k);
      left -= k;
    }
  }

  /** A contiguous copy. */
  public byte[] toArray() {
    byte[] all = new byte[length];
    int at = 0;
    for (byte[] b : live()) {
      int k = Math.min(length - at, b.length);
      System.arraycopy(b, 0, all, at, k);
      at += k;
    }
    return all;
  }

  /** Returns pooled blocks to their pool; reading afterwards fails. Idempotent; a no-op for wrapped bytes. */
  public synchronized void release() {
    if (blocks == null || pool == null) {
      return;
    }
    for (byte[] b : blocks) {
      pool.give(b);
    }
    blocks = null;
  }

  private synchronized List<byte[]> live() {
    if (blocks == null) {
      throw new IllegalStateException("chunk bytes were released (uploaded or spilled)");
    }
    return blocks;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ChunkBytes c && c.length == length && Arrays.equals(toArray(), c.toArray());
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(toArray());
  }

  @Override
  public String toString() {
    return "ChunkBytes[" + length + " bytes]";
  }
}
