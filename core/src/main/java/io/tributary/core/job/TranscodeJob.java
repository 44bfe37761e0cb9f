package io.tributary.core.job;

import io.tributary.core.id.SessionId;
import io.tributary.core.id.StreamId;
import io.tributary.core.media.Ladder;
import io.tributary.core.media.SourceInfo;

/**
 * The SQS message ingest sends for every chunk (JSON, see {@link TranscodeJobJson}). One chunk
 * becomes one segment in every rendition, so {@code seq} names both.
 *
 * @param version message format, {@link #VERSION}; additive fields do not bump it
 * @param streamId the stream
 * @param sessionId the publish session the chunk belongs to
 * @param seq stream-wide segment number, continuing across sessions
 * @param chunkKey key of the FLV chunk in the raw bucket
 * @param startMs presentation time of the chunk's first frame on the session timeline, milliseconds
 * @param durationMs chunk duration, milliseconds (time to the next chunk's first frame)
 * @param discontinuity true for the first chunk of a session
 * @param last true for the final chunk of a session (the session has ended)
 * @param capturedAtMs wall-clock epoch milliseconds when the chunk's first frame arrived at ingest
 * @param targetDurationMs the stream's configured segment duration (1000..6000)
 * @param source codecs and dimensions ingest saw
 * @param ladder renditions to produce, already resolved from the stream's preset
 */
public record TranscodeJob(int version, String streamId, String sessionId, long seq, String chunkKey,
                           long startMs, long durationMs, boolean discontinuity, boolean last,
                           long capturedAtMs, int targetDurationMs, SourceInfo source, Ladder ladder) {
  public static final int VERSION = 1;

  public TranscodeJob {
    if (version != VERSION) {
      throw new IllegalArgumentException("unsupported job version " + version + " (this build reads " + VERSION + ")");
    }
    new StreamId(streamId);
    new SessionId(sessionId);
    if (seq < 0) {
      throw new IllegalArgumentException("seq must be >= 0, got " + seq);
    }
    if (chunkKey == null || chunkKey.isBlank()) {
      throw new IllegalArgumentException("chunkKey is required");
    }
    if (startMs < 0 || durationMs < 0 || durationMs > 60_000) {
      throw new IllegalArgumentException("need startMs >= 0 and durationMs in 0..60000, got " + startMs + "/" + durationMs);
    }
    if (targetDurationMs < 1000 || targetDurationMs > 6000) {
      throw new IllegalArgumentException("targetDurationMs must be in 1000..6000, got " + targetDurationMs);
    }
    if (source == null || ladder == null) {
      throw new IllegalArgumentException("source and ladder are required");
    }
  }
}
