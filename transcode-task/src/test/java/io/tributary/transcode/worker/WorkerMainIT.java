package io.tributary.transcode.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.core.job.TranscodeJob;
import io.tributary.core.resources.MediaKeys;
import io.tributary.core.resources.SegmentsTable;
import io.tributary.local.aws.LocalAws;
import io.tributary.local.aws.LocalAwsExtension;
import io.tributary.transcode.job.LocalJobs;
import io.tributary.transcode.media.TestClips;
import io.tributary.transcode.media.TestJobs;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The worker as a process: ready line, /metrics, kill -9 mid-job, SIGTERM. */
@ExtendWith(LocalAwsExtension.class)
class WorkerMainIT {
  @TempDir
  Path scratch;

  @Test
  void aWorkerKilledMidJobLeavesItForAnotherThatCompletesItOnce(LocalAws aws) throws Exception {
    LocalJobs.purge(aws);
    List<TranscodeJob> jobs = LocalJobs.upload(aws, TestClips.MEDIUM, TestJobs.SMALL_LADDER);
    TranscodeJob job = jobs.get(1);
    // A slow preset keeps ffmpeg busy for seconds, so the kill surely lands mid-job.
    try (ChildWorker doomed = new ChildWorker(aws.env(), scratch.resolve("a"), Map.of("TRIBUTARY_X264_PRESET", "veryslow"))) {
      doomed.awaitReady(Duration.ofSeconds(60));
      LocalJobs.send(aws, job);
      assertTrue(LocalJobs.await(Duration.ofSeconds(30), doomed::ffmpegRunning), "ffmpeg started in the child");
      doomed.killHard();
    }
    assertFalse(LocalJobs.record(aws, job.streamId(), job.seq()).isPresent(), "killed before the index write");

    try (ChildWorker survivor = new ChildWorker(aws.env(), scratch.resolve("b"))) {
      String url = survivor.awaitReady(Duration.ofSeconds(60));
      // The dead worker's visibility (3 s) lapses; the survivor receives it again and finishes it.
      assertTrue(LocalJobs.await(Duration.ofSeconds(60), () -> LocalJobs.record(aws, job.streamId(), job.seq()).isPresent()),
          "completed elsewhere");
      assertEquals(SegmentsTable.STATUS_OK, LocalJobs.record(aws, job.streamId(), job.seq()).orElseThrow()
          .get(SegmentsTable.STATUS).s());
      assertEquals(1, LocalJobs.recordCount(aws, job.streamId()), "nothing duplicated");
      assertTrue(aws.clients().s3().getObjectAsBytes(b -> b.bucket(aws.names().mediaBucket())
          .key(MediaKeys.segment(job.streamId(), "240p", job.seq()))).asByteArray().length > 1000);
      assertTrue(LocalJobs.dlqMessages(aws, job.streamId()).isEmpty());

      HttpResponse<String> metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url + "/metrics"))
          .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
      assertEquals(200, metrics.statusCode());
      assertTrue(metrics.body().contains("tributary_transcode_jobs_total{outcome=\"ok\"} 1"), metrics.body());

      // 143 = 128 + SIGTERM: the JVM's status after its shutdown hooks ran (the hook logs "worker stopped").
      assertEquals(143, survivor.terminate(Duration.ofSeconds(30)), "exit on SIGTERM after the shutdown hook");
      List<String> out = survivor.output();
      java.nio.file.Files.write(Path.of("target", "child-worker-output.txt"), out);
      assertTrue(out.stream().anyMatch(l -> l.startsWith("{") && l.contains("\"streamId\"") && l.contains(job.streamId())),
          "JSON logs with the stream id in the MDC");
      assertTrue(out.stream().anyMatch(l -> l.contains("worker stopped")), String.join("\n", out.subList(Math.max(0, out.size() - 6), out.size())));
    }
  }
}
