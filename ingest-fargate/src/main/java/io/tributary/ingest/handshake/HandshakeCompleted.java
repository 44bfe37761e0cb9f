package io.tributary.ingest.handshake;

/**
 * User event fired by {@link HandshakeHandler} when C2 has arrived, just before it removes
 * itself; every byte after C2 follows as ordinary channel reads.
 *
 * @param digest true when the client used the digest ("complex") handshake
 * @param clientVersion C1 bytes 4..7 as an unsigned value (0 in the plain handshake, e.g.
 *     0x09007c02 for ffmpeg's "9.0.124.2")
 */
public record HandshakeCompleted(boolean digest, long clientVersion) {}
