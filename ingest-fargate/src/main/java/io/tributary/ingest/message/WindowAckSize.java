package io.tributary.ingest.message;

/** Type 5, Window Acknowledgement Size (5.4.4). */
public record WindowAckSize(int streamId, long timestamp, long windowSize) implements RtmpMessage {
  public static final int TYPE = 5;

  @Override
  public int typeId() {
    return TYPE;
  }
}
