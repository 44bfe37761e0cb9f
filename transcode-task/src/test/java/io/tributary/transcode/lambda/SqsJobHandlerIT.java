package io.tributary.transcode.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.tributary.core.job.TranscodeJob;
import io.tributary.core.job.TranscodeJobJson;
import io.tributary.core.resources.SegmentsTable;
import io.tributary.local.aws.LocalAws;
import io.tributary.local.aws.LocalAwsExtension;
import io.tributary.transcode.job.LocalJobs;
import io.tributary.transcode.media.TestClips;
import io.tributary.transcode.media.TestJobs;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;

/** The Lambda handler class, built from environment variables as the runtime builds it, on an SQS event. */
@ExtendWith(LocalAwsExtension.class)
class SqsJobHandlerIT {
  @TempDir
  Path scratch;

  private static SQSEvent.SQSMessage message(String id, String body, int receiveCount) {
    SQSEvent.SQSMessage m = new SQSEvent.SQSMessage();
    m.setMessageId(id);
    m.setBody(body);
    m.setAttributes(Map.of("ApproximateReceiveCount", Integer.toString(receiveCount),
        "SentTimestamp", Long.toString(System.currentTimeMillis() - 500)));
    return m;
  }

  @Test
  void onlyFailedMessagesAreReportedAndAPoisonOnItsLastReceiveLeavesAGap(LocalAws aws) {
    List<TranscodeJob> jobs = LocalJobs.upload(aws, TestClips.SMALL, TestJobs.SMALL_LADDER);
    TranscodeJob good = jobs.get(0);
    TranscodeJob poison = jobs.get(1);
    aws.clients().s3().putObject(b -> b.bucket(aws.names().rawBucket()).key(poison.chunkKey()),
        RequestBody.fromString("not flv"));
    TranscodeJob firstTry = jobs.get(2);
    aws.clients().s3().putObject(b -> b.bucket(aws.names().rawBucket()).key(firstTry.chunkKey()),
        RequestBody.fromString("not flv either"));

    Map<String, String> env = new HashMap<>(aws.env());
    env.put("TRIBUTARY_SCRATCH_DIR", scratch.toString());
    SqsJobHandler handler = new SqsJobHandler(env);
    SQSEvent event = new SQSEvent();
    event.setRecords(List.of(
        message("m-good", TranscodeJobJson.write(good), 1),
        message("m-invalid", "{not json", 1),
        message("m-poison", TranscodeJobJson.write(poison), 3),
        message("m-first-try", TranscodeJobJson.write(firstTry), 1)));
    SQSBatchResponse response = handler.handleRequest(event, null);

    assertEquals(List.of("m-invalid", "m-poison", "m-first-try"),
        response.getBatchItemFailures().stream().map(SQSBatchResponse.BatchItemFailure::getItemIdentifier).toList());
    assertEquals(SegmentsTable.STATUS_OK, LocalJobs.record(aws, good.streamId(), good.seq()).orElseThrow()
        .get(SegmentsTable.STATUS).s());
    assertEquals(SegmentsTable.STATUS_GAP, LocalJobs.record(aws, poison.streamId(), poison.seq()).orElseThrow()
        .get(SegmentsTable.STATUS).s(), "last allowed receive: GAP so playlists move on");
    assertEquals(false, LocalJobs.record(aws, firstTry.streamId(), firstTry.seq()).isPresent(),
        "a first failure is retried, not given up");
  }
}
