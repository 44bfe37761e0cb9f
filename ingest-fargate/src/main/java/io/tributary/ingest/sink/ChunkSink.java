package io.tributary.ingest.sink;

import io.tributary.ingest.flv.FlvChunk;
import java.util.concurrent.CompletableFuture;

/** What a publishing connection hands its chunks to. Both calls return at once and never do I/O on the caller. */
public interface ChunkSink {
  /** Queues a closed chunk for upload; an overflow drops the stream through the owner's callback, never throws. */
  void submit(FlvChunk chunk);

  /** Queues the session end after every chunk submitted so far; completes when it is recorded. */
  CompletableFuture<Void> end(String reason);
}
