package io.tributary.ingest.message;

/** Type 6, Set Peer Bandwidth (5.4.5); limitType 0 hard, 1 soft, 2 dynamic. */
public record SetPeerBandwidth(int streamId, long timestamp, long windowSize, int limitType) implements RtmpMessage {
  public static final int TYPE = 6;

  @Override
  public int typeId() {
    return TYPE;
  }
}
