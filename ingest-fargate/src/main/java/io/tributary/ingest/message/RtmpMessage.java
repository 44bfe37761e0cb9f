package io.tributary.ingest.message;

/**
 * A complete RTMP message as the chunk layer reassembles it (RTMP spec 5.4 / 6.1, 7.1).
 * Protocol-control messages (Set Chunk Size, Abort, Acknowledgement, Window Acknowledgement
 * Size, Set Peer Bandwidth) are consumed by the chunk layer but still surfaced so the session
 * can log them; the session never acts on them.
 *
 * <p>{@code streamId} is the RTMP message stream id (0 for NetConnection, the created stream
 * for NetStream). {@code timestamp} is the absolute 32-bit message timestamp in milliseconds
 * (0..2^32-1) after delta accumulation and extended-timestamp handling; wrap-around and
 * non-monotonic input are the session/FLV layer's concern.
 */
public sealed interface RtmpMessage
    permits Command, DataMessage, AudioMessage, VideoMessage, SetChunkSize, Abort, Acknowledgement,
        WindowAckSize, SetPeerBandwidth, UserControl, UnknownMessage {

  int streamId();

  long timestamp();

  /** RTMP message type id (spec 5.4, 7.1): 1..6 control, 8 audio, 9 video, 15/18 data, 17/20 command. */
  int typeId();
}
