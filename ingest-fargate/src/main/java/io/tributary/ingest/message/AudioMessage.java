package io.tributary.ingest.message;

/** Type 8: the body of an FLV audio tag (sound format nibble, AAC packet type, data). */
public record AudioMessage(int streamId, long timestamp, Payload data) implements RtmpMessage {
  public static final int TYPE = 8;

  @Override
  public int typeId() {
    return TYPE;
  }
}
