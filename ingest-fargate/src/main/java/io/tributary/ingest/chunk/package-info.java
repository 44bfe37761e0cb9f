/**
 * RTMP chunk stream (RTMP spec 5.3, protocol control 5.4): {@link io.tributary.ingest.chunk.ChunkDecoder}
 * (bytes to {@link io.tributary.ingest.message.RtmpMessage}), {@link io.tributary.ingest.chunk.ChunkEncoder}
 * (messages to chunks), their {@link io.tributary.ingest.chunk.RtmpLimits}, and
 * {@link io.tributary.ingest.chunk.RtmpPipeline#install} which wires handshake + chunk codec for the server.
 */
package io.tributary.ingest.chunk;
