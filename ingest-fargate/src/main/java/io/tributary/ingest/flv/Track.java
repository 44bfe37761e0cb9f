package io.tributary.ingest.flv;

/** The two media tracks of an RTMP publish. */
public enum Track {
  AUDIO,
  VIDEO
}
