package io.tributary.ingest.flv;

import io.tributary.ingest.message.Payload;

/** One tag of an FLV file (spec v10.1 E.4.1): type 8 audio, 9 video, 18 script; timestamp in ms (32-bit). */
public record FlvTag(int type, long timestamp, Payload body) {
  public static final int AUDIO = FlvBuffer.TAG_AUDIO;
  public static final int VIDEO = FlvBuffer.TAG_VIDEO;
  public static final int SCRIPT = FlvBuffer.TAG_SCRIPT;

  public FlvTag {
    if (timestamp < 0 || timestamp > 0xFFFFFFFFL) {
      throw new IllegalArgumentException("FLV timestamp must be a 32-bit unsigned value, got " + timestamp);
    }
  }
}
