package io.tributary.ingest.message;

/**
 * Type 4, User Control (7.1.7): event type 0 Stream Begin, 1 Stream EOF, 3 Set Buffer Length
 * (second value = buffer ms), 6 Ping Request, 7 Ping Response. {@code value2} is -1 when absent.
 */
public record UserControl(int streamId, long timestamp, int eventType, long value, long value2) implements RtmpMessage {
  public static final int TYPE = 4;
  public static final int STREAM_BEGIN = 0;
  public static final int STREAM_EOF = 1;
  public static final int SET_BUFFER_LENGTH = 3;
  public static final int PING_REQUEST = 6;
  public static final int PING_RESPONSE = 7;

  @Override
  public int typeId() {
    return TYPE;
  }
}
