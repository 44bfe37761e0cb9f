package io.tributary.ingest.message;

/** Type 1, Set Chunk Size (5.4.1). */
public record SetChunkSize(int streamId, long timestamp, int chunkSize) implements RtmpMessage {
  public static final int TYPE = 1;

  @Override
  public int typeId() {
    return TYPE;
  }
}
