package io.tributary.ingest.sink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.core.id.SessionId;
import io.tributary.core.id.StreamId;
import io.tributary.core.job.TranscodeJob;
import io.tributary.core.media.Ladder;
import io.tributary.core.media.SourceInfo;
import io.tributary.core.resources.MediaKeys;
import io.tributary.ingest.testing.QueuedJobs;
import io.tributary.local.aws.LocalAws;
import io.tributary.local.aws.LocalAwsExtension;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(LocalAwsExtension.class)
class BatchingSqsJobPublisherIT {

  private static TranscodeJob job(StreamId stream, SessionId session, long seq, boolean last) {
    return new TranscodeJob(TranscodeJob.VERSION, stream.value(), session.value(), seq,
        MediaKeys.chunk(stream.value(), session.value(), seq), seq * 2000, 2000, seq == 0, last, 0, 2000,
        new SourceInfo("avc", "aac", 1280, 720, 30, 48000, 2), Ladder.preset("default").forSourceHeight(720));
  }

  @Test
  void concurrentCallersShareBatchesAndEachGetsItsOwnResult(LocalAws aws) throws Exception {
    StreamId stream = StreamId.random();
    SessionId session = SessionId.startingAt(Instant.now());
    int n = 60;
    try (BatchingSqsJobPublisher p = new BatchingSqsJobPublisher(aws.clients().sqs(), aws.queueUrl(), 1)) {
      ExecutorService callers = Executors.newFixedThreadPool(12);
      List<Future<?>> done = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        long seq = i;
        done.add(callers.submit(() -> p.publish(job(stream, session, seq, seq == n - 1))));
      }
      for (Future<?> f : done) {
        f.get();
      }
      callers.shutdown();
      assertEquals(n, p.sent());
      assertTrue(p.calls() < n, "batched under concurrency: " + p.calls() + " calls for " + n + " jobs");
    }
    List<QueuedJobs.Received> got = QueuedJobs.await(aws, stream.value(), n, 15_000);
    assertEquals(n, got.stream().map(r -> r.job().seq()).distinct().count());
  }

  /** Jobs arriving one at a time, 5 ms apart, as chunks of many streams close: a linger gathers them. */
  @Test
  void aShortLingerBatchesJobsThatTrickleIn(LocalAws aws) throws Exception {
    StreamId stream = StreamId.random();
    SessionId session = SessionId.startingAt(Instant.now());
    int n = 40;
    try (BatchingSqsJobPublisher p = new BatchingSqsJobPublisher(aws.clients().sqs(), aws.queueUrl(), 1, 50)) {
      ExecutorService callers = Executors.newFixedThreadPool(n);
      List<Future<?>> done = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        long seq = i;
        done.add(callers.submit(() -> p.publish(job(stream, session, seq, seq == n - 1))));
        Thread.sleep(5);
      }
      for (Future<?> f : done) {
        f.get();
      }
      callers.shutdown();
      assertEquals(n, p.sent());
      assertTrue(p.calls() <= n / 3, "a 50 ms linger gathers jobs 5 ms apart: " + p.calls() + " calls for " + n);
    }
    assertEquals(n, QueuedJobs.await(aws, stream.value(), n, 15_000).stream().map(r -> r.job().seq()).distinct().count());
  }

  @Test
  void aFailedCallFailsItsCallersSoTheyRetry(LocalAws aws) {
    try (BatchingSqsJobPublisher p = new BatchingSqsJobPublisher(aws.clients().sqs(),
        aws.queueUrl() + "-does-not-exist", 1)) {
      assertThrows(RuntimeException.class, () -> p.publish(job(StreamId.random(), SessionId.startingAt(Instant.now()), 0, true)));
    }
  }
}
