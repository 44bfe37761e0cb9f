package io.tributary.transcode.job;

import java.nio.file.Path;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The two buckets as the worker uses them: chunks are read from raw, media written to the media
 * bucket under deterministic keys (a redo overwrites with the same content). Segments are
 * immutable for viewers, so their Cache-Control says so; the thumbnail changes every chunk.
 */
public final class MediaStore {
  static final String IMMUTABLE = "public, max-age=31536000, immutable";
  static final String THUMBNAIL_CACHE = "public, max-age=2";
  private final S3Client s3;
  private final String rawBucket;
  private final String mediaBucket;

  public MediaStore(S3Client s3, String rawBucket, String mediaBucket) {
    this.s3 = s3;
    this.rawBucket = rawBucket;
    this.mediaBucket = mediaBucket;
  }

  public void download(String chunkKey, Path target) {
    s3.getObject(b -> b.bucket(rawBucket).key(chunkKey), target);
  }

  public void putSegment(String key, byte[] bytes, String contentType) {
    s3.putObject(b -> b.bucket(mediaBucket).key(key).contentType(contentType).cacheControl(IMMUTABLE),
        RequestBody.fromBytes(bytes));
  }

  public void putThumbnail(String key, byte[] jpeg) {
    s3.putObject(b -> b.bucket(mediaBucket).key(key).contentType("image/jpeg").cacheControl(THUMBNAIL_CACHE),
        RequestBody.fromBytes(jpeg));
  }

  public boolean mediaExists(String key) {
    try {
      s3.headObject(b -> b.bucket(mediaBucket).key(key));
      return true;
    } catch (NoSuchKeyException e) {
      return false;
    } catch (S3Exception e) {
      if (e.statusCode() == 404) {
        return false;
      }
      throw e;
    }
  }
}
