package io.tributary.ingest.flv;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.atomic.LongAdder;

/**
 * Fixed-size byte blocks for chunk files, recycled across connections. Chunks are built from
 * {@link #BLOCK_SIZE} blocks rather than one growing array because a multi-megabyte chunk in one
 * array is a G1 humongous object: it takes whole regions (1 MiB or more each), so a 0.8 MB chunk
 * held ~2 MiB of heap per connection, and every chunk closed allocated and zeroed a fresh copy.
 * Blocks go back here once the chunk is in S3 (or on disk), so in steady state a publish
 * allocates no chunk memory at all. The free list is bounded; past it blocks are left to the GC.
 * Thread-safe: event loops take, upload workers give back.
 */
public final class BlockPool {
  /** 64 KiB: far below G1's humongous threshold (half a region, 512 KiB at the smallest region size). */
  public static final int BLOCK_SIZE = 64 * 1024;

  private final ArrayBlockingQueue<byte[]> free;
  private final LongAdder allocated = new LongAdder();

  /** @param maxFreeBlocks blocks kept for reuse at most (0: no recycling) */
  public BlockPool(int maxFreeBlocks) {
    if (maxFreeBlocks < 0) {
      throw new IllegalArgumentException("free block bound cannot be negative, got " + maxFreeBlocks);
    }
    this.free = maxFreeBlocks == 0 ? null : new ArrayBlockingQueue<>(maxFreeBlocks);
  }

  /** A pool keeping up to {@code bytes} of free blocks. */
  public static BlockPool ofBytes(long bytes) {
    return new BlockPool((int) Math.min(Integer.MAX_VALUE, Math.max(0, bytes / BLOCK_SIZE)));
  }

  /** A block of {@link #BLOCK_SIZE} bytes with arbitrary content. */
  byte[] take() {
    byte[] b = free == null ? null : free.poll();
    if (b == null) {
      allocated.increment();
      return new byte[BLOCK_SIZE];
    }
    return b;
  }

  /** Gives a block back; the caller must not touch it afterwards. */
  void give(byte[] block) {
    if (free != null && block.length == BLOCK_SIZE) {
      free.offer(block);
    }
  }

  /** Bytes of free blocks held for reuse. */
  public long freeBytes() {
    return free == null ? 0 : (long) free.size() * BLOCK_SIZE;
  }

  /** Blocks allocated since start (not taken from the free list). */
  public long allocatedBlocks() {
    return allocated.sum();
  }
}
