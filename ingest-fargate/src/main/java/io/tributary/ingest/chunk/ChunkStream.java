package io.tributary.ingest.chunk;

/**
 * Decoder state of one chunk stream (RTMP spec 5.3.1): the last header fields, which later
 * fmt 1-3 headers inherit, and the message being reassembled.
 */
final class ChunkStream {
  final int id;
  /** False until the first fmt 0 header: fmt 1-3 have nothing to inherit before it. */
  boolean started;
  int messageStreamId;
  int length;
  int typeId;
  /** Absolute timestamp of the current/last message, 0..2^32-1. */
  long timestamp;
  /**
   * The last timestamp field (absolute after fmt 0, a delta after fmt 1/2): what a fmt 3 header
   * starting a new message adds, as ffmpeg and SRS read it.
   */
  long delta;
  /** Whether the last fmt 0-2 header used the extended timestamp (field 0xFFFFFF, 5.3.1.3). */
  boolean extended;
  /** The last extended timestamp value, to recognise it repeated on type 3 continuations. */
  long extendedValue;
  /** Reassembly buffer of the message in progress, allocated once at its first chunk; null between messages. */
  byte[] buffer;
  int filled;

  ChunkStream(int id) {
    this.id = id;
  }

  boolean inProgress() {
    return buffer != null;
  }
}
