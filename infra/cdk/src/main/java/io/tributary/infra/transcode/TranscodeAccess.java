package io.tributary.infra.transcode;

import io.tributary.infra.storage.JobQueue;
import io.tributary.infra.storage.MediaBuckets;
import io.tributary.infra.storage.Tables;
import java.util.List;
import software.amazon.awscdk.services.iam.IGrantable;

/**
 * What a transcode job touches, the same for the Fargate worker and the Lambda: read the raw
 * chunk, write segments, init segments and the thumbnail, conditionally put the segment record
 * (or its GAP), and consume jobs. Nothing else: no stream keys, no tokens, no deletes.
 */
public record TranscodeAccess(MediaBuckets buckets, JobQueue jobs, Tables tables) {

  public void grantTo(IGrantable worker) {
    buckets.allowChunkReads(worker);
    buckets.allowMediaWrites(worker);
    Tables.allow(worker, tables.segments(), List.of("dynamodb:PutItem", "dynamodb:GetItem"));
    jobs.queue().grantConsumeMessages(worker);
  }
}
