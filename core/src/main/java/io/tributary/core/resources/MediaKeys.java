package io.tributary.core.resources;

/**
 * S3 key layout. Raw chunks: {@code chunks/{streamId}/{sessionId}/{seq}.flv} in the raw bucket.
 * Media in the media bucket: {@code live/{streamId}/{rendition}/{seq}.m4s}, an init segment per
 * session and rendition (codec parameters may change on reconnect), one thumbnail per stream.
 * Every media key is deterministic, so redoing a job overwrites with identical bytes.
 */
public final class MediaKeys {
  public static final String AUDIO = "audio";

  private MediaKeys() {}

  public static String chunk(String streamId, String sessionId, long seq) {
    return "chunks/" + streamId + "/" + sessionId + "/" + seq + ".flv";
  }

  public static String segment(String streamId, String rendition, long seq) {
    return "live/" + streamId + "/" + rendition + "/" + seq + ".m4s";
  }

  public static String init(String streamId, String rendition, String sessionId) {
    return "live/" + streamId + "/" + rendition + "/init-" + sessionId + ".mp4";
  }

  public static String thumbnail(String streamId) {
    return "live/" + streamId + "/thumb.jpg";
  }

  /** Prefix of everything a stream has in the media bucket, for deletion. */
  public static String streamPrefix(String streamId) {
    return "live/" + streamId + "/";
  }
}
