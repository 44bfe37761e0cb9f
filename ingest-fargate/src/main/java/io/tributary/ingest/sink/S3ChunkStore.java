package io.tributary.ingest.sink;

import io.tributary.ingest.flv.ChunkBytes;
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
  public void put(String key, ChunkBytes flv) {
    // A content provider streams the chunk's blocks as they are (one fresh stream per attempt, and
    // one more for the payload hash over plain HTTP); fromBytes would copy every chunk again.
    s3.putObject(b -> b.bucket(bucket).key(key).contentType("video/x-flv"),
        RequestBody.fromContentProvider(flv::inputStream, flv.length(), "video/x-flv"));
  }
}
