package io.tributary.ingest.session;

/**
 * A publish attempt: the RTMP application (from connect) and the stream key (the publish name,
 * {@code ?query} suffix removed). {@link #toString()} never shows the key: records print their
 * fields, and this one would otherwise leak a secret into any log line that mentions it.
 */
public record PublishRequest(String app, String streamKey, String remoteAddress) {
  public PublishRequest {
    if (streamKey == null || streamKey.isEmpty()) {
      throw new IllegalArgumentException("a publish request has a stream key");
    }
  }

  @Override
  public String toString() {
    return "PublishRequest[app=" + app + ", streamKey=<redacted " + streamKey.length() + " chars>, remote="
        + remoteAddress + "]";
  }
}
