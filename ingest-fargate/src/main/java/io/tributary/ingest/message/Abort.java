package io.tributary.ingest.message;

/** Type 2, Abort Message (5.4.2). */
public record Abort(int streamId, long timestamp, int chunkStreamId) implements RtmpMessage {
  public static final int TYPE = 2;

  @Override
  public int typeId() {
    return TYPE;
  }
}
