package io.tributary.ingest.sink;

/** Where chunk files go (the raw bucket). Failures are runtime exceptions; the caller retries. */
public interface ChunkStore {
  void put(String key, byte[] flv);
}
