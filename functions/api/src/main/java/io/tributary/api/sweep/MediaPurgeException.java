package io.tributary.api.sweep;

/** S3 refused a listing or a deletion of a deleted stream's objects; names the bucket and key or prefix. */
public final class MediaPurgeException extends RuntimeException {
  private final String bucket;
  private final String key;

  public MediaPurgeException(String bucket, String key, String detail, Throwable cause) {
    super("cannot delete s3://" + bucket + "/" + key + ": " + detail, cause);
    this.bucket = bucket;
    this.key = key;
  }

  public String bucket() {
    return bucket;
  }

  public String key() {
    return key;
  }
}
