package io.tributary.ingest.chunk;

import io.netty.channel.ChannelPipeline;
import io.tributary.ingest.handshake.HandshakeHandler;

/**
 * Wires the RTMP protocol layers into a channel pipeline: handshake, then the chunk encoder and
 * decoder. The server adds its session handler after these; it then reads
 * {@link io.tributary.ingest.message.RtmpMessage}s, writes them, and sees a
 * {@link io.tributary.ingest.handshake.HandshakeCompleted} user event first.
 */
public final class RtmpPipeline {
  public static final String HANDSHAKE = "rtmp-handshake";
  public static final String CHUNK_ENCODER = "rtmp-chunk-encoder";
  public static final String CHUNK_DECODER = "rtmp-chunk-decoder";

  private RtmpPipeline() {}

  /** Adds the three handlers at the end of the pipeline; one fresh set per channel. */
  public static void install(ChannelPipeline pipeline, RtmpLimits limits) {
    pipeline.addLast(HANDSHAKE, new HandshakeHandler(limits.handshakeTimeout()));
    // The encoder sits before the decoder so the decoder's Acknowledgements pass through it.
    pipeline.addLast(CHUNK_ENCODER, new ChunkEncoder(limits.outChunkSize()));
    pipeline.addLast(CHUNK_DECODER, new ChunkDecoder(limits));
  }
}
