package io.tributary.transcode.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.core.job.TranscodeJob;
import io.tributary.core.resources.SegmentsTable;
import io.tributary.local.aws.LocalAws;
import io.tributary.local.aws.LocalAwsExtension;
import io.tributary.transcode.job.JobProcessor;
import io.tributary.transcode.job.LocalJobs;
import io.tributary.transcode.job.TestWorkers;
import io.tributary.transcode.media.TestClips;
import io.tributary.transcode.media.TestJobs;
import io.tributary.transcode.metrics.WorkerMetrics;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** The ECS poller against the local SQS: success deletes, poison goes to the DLQ with a GAP, stop releases. */
@ExtendWith(LocalAwsExtension.class)
class SqsWorkerIT {
  @TempDir
  Path scratch;
  private SqsWorker worker;
  private WorkerMetrics metrics;
  private final ByteArrayOutputStream emf = new ByteArrayOutputStream();

  @BeforeEach
  void purgeAndStart(LocalAws aws) {
    LocalJobs.purge(aws);
    start(aws);
  }

  private void start(LocalAws aws) {
    start(aws, "veryfast");
  }

  private void start(LocalAws aws, String preset) {
    if (worker != null) {
      worker.stop(Duration.ofSeconds(5));
    }
    metrics = new WorkerMetrics(true, new PrintStream(emf, true));
    WorkerConfig config = TestWorkers.config(scratch, preset);
    worker = new SqsWorker(aws.clients().sqs(), aws.queueUrl(),
        new JobProcessor(TestWorkers.handler(aws, config), metrics, config.maxReceiveCount()), config);
    worker.start();
  }

  @AfterEach
  void stop() {
    worker.stop(Duration.ofSeconds(5));
  }

  private static int visibleAndHidden(LocalAws aws) {
    Map<QueueAttributeName, String> a = aws.clients().sqs().getQueueAttributes(b -> b.queueUrl(aws.queueUrl())
        .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
            QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes();
    return Integer.parseInt(a.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
        + Integer.parseInt(a.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE));
  }

  @Test
  void jobsAreIndexedAndDeleted(LocalAws aws) {
    List<TranscodeJob> jobs = LocalJobs.upload(aws, TestClips.SMALL, TestJobs.SMALL_LADDER);
    jobs.forEach(j -> LocalJobs.send(aws, j));
    String s = jobs.get(0).streamId();
    assertTrue(LocalJobs.await(Duration.ofSeconds(60), () -> LocalJobs.recordCount(aws, s) == jobs.size()),
        "all segments indexed");
    assertTrue(LocalJobs.await(Duration.ofSeconds(10), () -> visibleAndHidden(aws) == 0), "every message deleted");
    assertEquals(jobs.size(), metrics.succeededCount());
    String prom = metrics.prometheus();
    assertTrue(prom.contains("tributary_transcode_jobs_total{outcome=\"ok\"} " + jobs.size()), prom);
    assertTrue(prom.contains("tributary_transcode_job_latency_seconds_count " + jobs.size()), prom);
    String lines = emf.toString();
    assertEquals(jobs.size(), lines.lines().filter(l -> l.contains("\"RealTimeFactor\"") && l.contains("\"JobLatencyMs\"")).count(), lines);
  }

  @Test
  void aPoisonChunkEndsInTheDlqWithAGapRecord(LocalAws aws) {
    List<TranscodeJob> jobs = TestJobs.forClip(TestClips.SMALL, TestClips.chunks(TestClips.SMALL), TestJobs.newStream(),
        TestJobs.newSession(), 40, TestJobs.SMALL_LADDER);
    TranscodeJob job = jobs.get(1);
    aws.clients().s3().putObject(b -> b.bucket(aws.names().rawBucket()).key(job.chunkKey()),
        RequestBody.fromString("FLV\u0001 this is not a video"));
    LocalJobs.send(aws, job);
    assertTrue(LocalJobs.await(Duration.ofSeconds(60), () -> !LocalJobs.dlqMessages(aws, job.streamId()).isEmpty()),
        "redrive moved the job to the DLQ after 3 receives");
    Map<String, AttributeValue> gap = LocalJobs.record(aws, job.streamId(), job.seq()).orElseThrow();
    assertEquals(SegmentsTable.STATUS_GAP, gap.get(SegmentsTable.STATUS).s());
    assertEquals(job.sessionId(), gap.get(SegmentsTable.SESSION_ID).s());
    assertEquals(job.durationMs() / 1000.0, Double.parseDouble(gap.get(SegmentsTable.DURATION).n()), 1e-9);
    assertEquals(3, metrics.failedCount(), "tried exactly maxReceiveCount times");
    assertTrue(metrics.prometheus().contains("tributary_transcode_gaps_total 1"));
    assertEquals(0, visibleAndHidden(aws));
  }

  @Test
  void invalidJsonIsLeftForTheDlqWithoutAGap(LocalAws aws) {
    String marker = "st_" + "zz" + System.nanoTime();
    aws.clients().sqs().sendMessage(b -> b.queueUrl(aws.queueUrl()).messageBody("{\"version\":1,\"streamId\":\"" + marker + "\"}"));
    assertTrue(LocalJobs.await(Duration.ofSeconds(60), () -> !LocalJobs.dlqMessages(aws, marker).isEmpty()));
    assertTrue(metrics.prometheus().contains("tributary_transcode_jobs_total{outcome=\"invalid\"} 3"), metrics.prometheus());
    assertTrue(metrics.prometheus().contains("tributary_transcode_gaps_total 0"));
  }

  @Test
  void stopWithoutGraceReleasesTheJobInFlightToAnotherWorker(LocalAws aws) {
    start(aws, "veryslow"); // ffmpeg busy for seconds: the stop surely lands mid-job
    List<TranscodeJob> jobs = LocalJobs.upload(aws, TestClips.MEDIUM, TestJobs.SMALL_LADDER);
    TranscodeJob job = jobs.get(0);
    LocalJobs.send(aws, job);
    assertTrue(LocalJobs.await(Duration.ofSeconds(20), () -> worker.inFlightCount() == 1), "job taken");
    worker.stop(Duration.ZERO);
    WorkerMetrics first = metrics;
    assertEquals(0, worker.inFlightCount());
    assertFalse(LocalJobs.record(aws, job.streamId(), job.seq()).isPresent(), "interrupted before its index write");
    // Released with visibility 0: a second worker gets it at once, not after the 3 s visibility.
    start(aws);
    assertTrue(LocalJobs.await(Duration.ofSeconds(30), () -> LocalJobs.record(aws, job.streamId(), job.seq()).isPresent()));
    assertEquals(SegmentsTable.STATUS_OK, LocalJobs.record(aws, job.streamId(), job.seq()).orElseThrow()
        .get(SegmentsTable.STATUS).s());
    assertEquals(0, first.failedCount(), "the interrupted run did not count as a failure");
    assertEquals(1, metrics.succeededCount());
  }
}
