package io.tributary.ingest.flv;

import io.tributary.core.media.SourceInfo;

/**
 * One closed chunk: a standalone FLV file and where it sits on the session timeline.
 *
 * @param index 0-based position within the session (the stream-wide seq is assigned later)
 * @param startMs timestamp of the chunk's first frame on the session timeline
 * @param durationMs time to the next chunk's first frame (for the last chunk: to the end of its last frame)
 * @param capturedAtMs wall clock when the first frame arrived
 * @param last true for the session's final chunk
 * @param source codecs and dimensions seen so far
 * @param flv the file bytes (pooled blocks: the consumer releases them when done)
 */
public record FlvChunk(int index, long startMs, long durationMs, long capturedAtMs, boolean last, SourceInfo source,
                       ChunkBytes flv) {
  public FlvChunk {
    if (index < 0 || startMs < 0 || durationMs < 0) {
      throw new IllegalArgumentException("chunk index, start and duration must be >= 0, got " + index + "/"
          + startMs + "/" + durationMs);
    }
    if (source == null || flv == null) {
      throw new IllegalArgumentException("a chunk has a source and bytes");
    }
  }
}
