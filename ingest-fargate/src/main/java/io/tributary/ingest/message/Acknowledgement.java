package io.tributary.ingest.message;

/** Type 3, Acknowledgement (5.4.3): bytes received so far. */
public record Acknowledgement(int streamId, long timestamp, long sequenceNumber) implements RtmpMessage {
  public static final int TYPE = 3;

  @Override
  public int typeId() {
    return TYPE;
  }
}
