package io.tributary.ingest.message;

/**
 * Type 9: the body of an FLV video tag: legacy (frame type + codec id, AVC packet type,
 * composition time) or enhanced RTMP (IsExHeader bit, packet type, FourCC).
 */
public record VideoMessage(int streamId, long timestamp, Payload data) implements RtmpMessage {
  public static final int TYPE = 9;

  @Override
  public int typeId() {
    return TYPE;
  }
}
