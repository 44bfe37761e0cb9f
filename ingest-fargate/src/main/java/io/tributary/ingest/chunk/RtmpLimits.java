package io.tributary.ingest.chunk;

import java.time.Duration;

/**
 * Limits of the RTMP protocol layers of one connection; a peer crossing one gets an
 * {@link io.tributary.ingest.message.RtmpProtocolException} naming the numbers and is dropped.
 *
 * @param handshakeTimeout longest time from connect to C2
 * @param maxMessageSize largest message length a peer may declare (RTMP's 3-byte length allows
 *     16 MiB - 1); a reassembly buffer of that size is allocated when the first chunk arrives
 * @param maxPeerChunkSize largest Set Chunk Size the peer may announce (5.4.1 allows 2^31-1).
 *     Chunk size costs no memory here: chunk payloads stream into the message buffer
 * @param outChunkSize our outgoing chunk size, announced with Set Chunk Size before the first
 *     message we send (128, the spec's default, announces nothing)
 * @param maxChunkStreams distinct chunk stream ids per connection (real encoders use fewer than
 *     10; the spec allows 65598, each costs a state object)
 * @param maxAmfDepth deepest nesting of AMF0 objects/arrays in commands and data messages
 */
public record RtmpLimits(
    Duration handshakeTimeout,
    int maxMessageSize,
    int maxPeerChunkSize,
    int outChunkSize,
    int maxChunkStreams,
    int maxAmfDepth) {

  /** The largest value the 3-byte message length field can hold (5.3.1.2.1). */
  public static final int MAX_MESSAGE_LENGTH_FIELD = 0xFFFFFF;

  public RtmpLimits {
    if (handshakeTimeout == null || handshakeTimeout.isNegative() || handshakeTimeout.isZero()) {
      throw new IllegalArgumentException("handshakeTimeout must be positive, got " + handshakeTimeout);
    }
    if (maxMessageSize < 1 || maxMessageSize > MAX_MESSAGE_LENGTH_FIELD) {
      throw new IllegalArgumentException("maxMessageSize must be in 1.." + MAX_MESSAGE_LENGTH_FIELD + ", got " + maxMessageSize);
    }
    if (maxPeerChunkSize < 128) {
      throw new IllegalArgumentException("maxPeerChunkSize must be >= 128, got " + maxPeerChunkSize);
    }
    if (outChunkSize < 128 || outChunkSize > MAX_MESSAGE_LENGTH_FIELD) {
      throw new IllegalArgumentException("outChunkSize must be in 128.." + MAX_MESSAGE_LENGTH_FIELD + ", got " + outChunkSize);
    }
    if (maxChunkStreams < 2 || maxChunkStreams > 65598) {
      throw new IllegalArgumentException("maxChunkStreams must be in 2..65598, got " + maxChunkStreams);
    }
    if (maxAmfDepth < 1) {
      throw new IllegalArgumentException("maxAmfDepth must be >= 1, got " + maxAmfDepth);
    }
  }

  /** 10 s handshake, 4 MiB messages, peer chunks up to 1 MiB, 4096-byte outgoing chunks, 64 chunk streams, AMF depth 16. */
  public static RtmpLimits defaults() {
    return new RtmpLimits(Duration.ofSeconds(10), 4 << 20, 1 << 20, 4096, 64, 16);
  }

  /** Bytes of incomplete messages a connection may hold at once (one large message per media track). */
  public long maxPendingBytes() {
    return 2L * maxMessageSize;
  }

  public RtmpLimits withMaxMessageSize(int value) {
    return new RtmpLimits(handshakeTimeout, value, maxPeerChunkSize, outChunkSize, maxChunkStreams, maxAmfDepth);
  }

  public RtmpLimits withMaxPeerChunkSize(int value) {
    return new RtmpLimits(handshakeTimeout, maxMessageSize, value, outChunkSize, maxChunkStreams, maxAmfDepth);
  }

  public RtmpLimits withOutChunkSize(int value) {
    return new RtmpLimits(handshakeTimeout, maxMessageSize, maxPeerChunkSize, value, maxChunkStreams, maxAmfDepth);
  }

  public RtmpLimits withHandshakeTimeout(Duration value) {
    return new RtmpLimits(value, maxMessageSize, maxPeerChunkSize, outChunkSize, maxChunkStreams, maxAmfDepth);
  }

  public RtmpLimits withMaxChunkStreams(int value) {
    return new RtmpLimits(handshakeTimeout, maxMessageSize, maxPeerChunkSize, outChunkSize, value, maxAmfDepth);
  }
}
