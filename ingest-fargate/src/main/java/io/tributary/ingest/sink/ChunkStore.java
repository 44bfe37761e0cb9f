package io.tributary.ingest.sink;

import io.tributary.ingest.flv.ChunkBytes;

/** Where chunk files go (the raw bucket). Failures are runtime exceptions; the caller retries. */
public interface ChunkStore {
  /** Stores the file; {@code flv} stays the caller's (it may be read again on a retry). */
  void put(String key, ChunkBytes flv);
}
