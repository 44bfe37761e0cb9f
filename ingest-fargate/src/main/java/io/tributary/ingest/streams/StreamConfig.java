package io.tributary.ingest.streams;

import io.tributary.core.id.StreamId;
import io.tributary.core.media.Ladder;

/**
 * What ingest needs of a stream to accept a publish, read from the streams and keys tables.
 *
 * @param keyId public id of the key that matched (for the session record; never the key itself)
 * @param keyHash SHA-256 of the key, the keys table's partition key (not a secret)
 * @param segmentDurationMs chunk target, 1000..6000 (default 2000)
 * @param ladderPreset a {@link Ladder#presetNames()} name (default "default")
 * @param recording sessions kept as VOD after they end
 */
public record StreamConfig(StreamId streamId, String keyId, String keyHash, int segmentDurationMs, String ladderPreset,
                           boolean recording) {
  public static final int DEFAULT_SEGMENT_MS = 2000;

  public StreamConfig {
    if (streamId == null) {
      throw new IllegalArgumentException("streamId is required");
    }
    if (segmentDurationMs < 1000 || segmentDurationMs > 6000) {
      throw new IllegalArgumentException("segment duration must be in 1000..6000 ms, got " + segmentDurationMs);
    }
    if (!Ladder.presetNames().contains(ladderPreset)) {
      throw new IllegalArgumentException("unknown ladder preset " + ladderPreset + "; known: " + Ladder.presetNames());
    }
  }
}
