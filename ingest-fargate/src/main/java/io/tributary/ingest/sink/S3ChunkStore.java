package io.tributary.ingest.sink;

import java.io.ByteArrayInputStream;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/** Chunks into the raw bucket, one PUT each; keys are deterministic (core {@code MediaKeys.chunk}). */
public final class S3ChunkStore implements ChunkStore {
  private final S3Client s3;
  private final String bucket;

  public S3ChunkStore(S3Client s3, String bucket) {
    this.s3 = s3;
    this.bucket = bucket;
  }

  @Override
  public void put(String key, byte[] flv) {
    // fromContentProvider streams the caller's array; fromBytes would copy every chunk once more.
    s3.putObject(b -> b.bucket(bucket).key(key).contentType("video/x-flv"),
        RequestBody.fromContentProvider(() -> new ByteArrayInputStream(flv), flv.length, "video/x-flv"));
  }
}
