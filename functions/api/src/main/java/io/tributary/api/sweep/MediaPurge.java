package io.tributary.api.sweep;

import io.tributary.core.id.StreamId;
import io.tributary.core.resources.MediaKeys;
import io.tributary.core.resources.ResourceNames;
import java.util.List;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.DeleteObjectsResponse;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;

/**
 * Deletes what a deleted stream left in S3: its media prefix ({@code live/{id}/} in the media
 * bucket) and its raw chunks ({@code chunks/{id}/} in the raw bucket), in bounded rounds of
 * ListObjectsV2 + DeleteObjects (at most 1000 keys per call, the S3 limit), so one run never
 * stalls on a stream with hours of segments. Shared by the local sweeper and the AWS sweep Lambda.
 */
public final class MediaPurge {
  /** DeleteObjects takes at most 1000 keys (S3 API reference, DeleteObjects). */
  static final int PAGE = 1000;

  private final S3Client s3;
  private final ResourceNames names;
  private final int maxObjectsPerRun;

  public MediaPurge(S3Client s3, ResourceNames names, int maxObjectsPerRun) {
    if (maxObjectsPerRun < 1) {
      throw new IllegalArgumentException("max objects per run must be >= 1, got " + maxObjectsPerRun);
    }
    this.s3 = s3;
    this.names = names;
    this.maxObjectsPerRun = maxObjectsPerRun;
  }

  /** Prefix of a stream's raw chunks; {@link MediaKeys#chunk} puts every chunk under it. */
  public static String chunkPrefix(StreamId id) {
    return "chunks/" + id.value() + "/";
  }

  /**
   * One bounded run: deletes up to the per-run bound, media first, then raw chunks.
   *
   * @return how many objects went and whether the stream has none left
   */
  public Progress run(StreamId id) {
    long deleted = 0;
    for (String[] target : List.of(new String[] {names.mediaBucket(), MediaKeys.streamPrefix(id.value())},
        new String[] {names.rawBucket(), chunkPrefix(id)})) {
      while (true) {
        int budget = (int) Math.min(PAGE, maxObjectsPerRun - deleted);
        if (budget == 0) {
          return new Progress(deleted, false);
        }
        int n = deletePage(target[0], target[1], budget);
        deleted += n;
        if (n < budget) {
          break;
        }
      }
    }
    return new Progress(deleted, true);
  }

  private int deletePage(String bucket, String prefix, int max) {
    try {
      var page = s3.listObjectsV2(b -> b.bucket(bucket).prefix(prefix).maxKeys(max));
      if (page.contents().isEmpty()) {
        return 0;
      }
      List<ObjectIdentifier> ids = page.contents().stream()
          .map(o -> ObjectIdentifier.builder().key(o.key()).build()).toList();
      DeleteObjectsResponse res = s3.deleteObjects(b -> b.bucket(bucket).delete(d -> d.objects(ids).quiet(true)));
      if (res.hasErrors() && !res.errors().isEmpty()) {
        var e = res.errors().get(0);
        throw new MediaPurgeException(bucket, e.key(), e.code() + " " + e.message() + " (" + res.errors().size()
            + " of " + ids.size() + " keys failed)", null);
      }
      return ids.size();
    } catch (SdkException e) {
      throw new MediaPurgeException(bucket, prefix, e.getMessage(), e);
    }
  }

  /** @param done true when neither prefix holds an object any more */
  public record Progress(long deleted, boolean done) {}
}
