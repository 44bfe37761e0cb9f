package io.tributary.playlist.service;

import java.util.Optional;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * Segment, init and thumbnail bytes from the media bucket, for the local server (in AWS,
 * CloudFront reads the bucket directly). Keys are core {@code MediaKeys}, which are also the URL paths.
 */
public final class MediaStore {
  private final S3Client s3;
  private final String bucket;

  public MediaStore(S3Client s3, String bucket) {
    this.s3 = s3;
    this.bucket = bucket;
  }

  public Optional<byte[]> get(String key) {
    try {
      ResponseBytes<GetObjectResponse> r = s3.getObjectAsBytes(b -> b.bucket(bucket).key(key));
      return Optional.of(r.asByteArrayUnsafe());
    } catch (NoSuchKeyException e) {
      return Optional.empty();
    }
  }
}
