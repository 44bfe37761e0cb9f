package io.tributary.ingest.session;

/** Where a connection is in the publish flow (RTMP spec 7.2: connect, createStream, publish). */
public enum SessionState {
  /** Handshake done, waiting for connect. */
  NEW,
  CONNECTED,
  /** publish sent, waiting for the policy's decision. */
  AUTHORIZING,
  PUBLISHING,
  /** Unpublished, rejected or closing: media is ignored. */
  ENDED
}
