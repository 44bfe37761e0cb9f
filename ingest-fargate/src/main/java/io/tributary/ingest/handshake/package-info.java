/**
 * RTMP handshake, server side (RTMP spec 5.2; digest scheme per Flash Player/FMS as librtmp and
 * nginx-rtmp implement it): {@link io.tributary.ingest.handshake.HandshakeHandler} answers
 * C0/C1 with S0/S1/S2, waits for C2, fires
 * {@link io.tributary.ingest.handshake.HandshakeCompleted} and leaves the pipeline.
 */
package io.tributary.ingest.handshake;
