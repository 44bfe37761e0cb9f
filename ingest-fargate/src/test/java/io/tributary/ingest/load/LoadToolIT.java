package io.tributary.ingest.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.ingest.flv.FlvReader;
import io.tributary.ingest.server.RunningIngest;
import io.tributary.ingest.testing.FfTools;
import io.tributary.ingest.testing.QueuedJobs;
import io.tributary.ingest.testing.TestStreams;
import io.tributary.local.aws.LocalAws;
import io.tributary.local.aws.LocalAwsExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The load tool against the real server: every simulated publisher is accepted, paced in real time, and chunked. */
@ExtendWith(LocalAwsExtension.class)
class LoadToolIT {

  @Test
  void publishesNRealTimeStreamsThatBecomeChunks(LocalAws aws, @TempDir Path dir) throws Exception {
    Path clip = FfTools.clip(dir, "load", 4.2, "libx264", "aac", 25);
    byte[] flv = Files.readAllBytes(clip);
    FlvPlan plan = FlvPlan.of(flv, RtmpClient.CHUNK_SIZE);
    assertEquals(FlvReader.read(flv).size(), plan.messages());
    assertTrue(plan.durationMs() >= 4000 && plan.durationMs() < 4300, "plan spans the clip: " + plan.durationMs());
    try (RunningIngest ingest = RunningIngest.start(aws, Map.of())) {
      List<TestStreams.Created> streams = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        streams.add(TestStreams.create(aws, 2000, "default", false));
      }
      long t0 = System.nanoTime();
      LoadMain.Result r = LoadMain.run("rtmp://127.0.0.1:" + ingest.rtmp.getPort() + "/live",
          streams.stream().map(TestStreams.Created::key).toList(), flv, 10, Duration.ofSeconds(30));
      double wall = (System.nanoTime() - t0) / 1e9;
      System.out.println(r.summary() + " wall=" + wall);
      assertEquals(3, r.published(), r.summary());
      assertEquals(0, r.closedEarly(), r.summary());
      assertTrue(wall >= 4.0, "real time, not as fast as possible: " + wall + " s");
      assertTrue(r.maxLagMs() < 500, r.summary());
      for (TestStreams.Created s : streams) {
        List<QueuedJobs.Received> jobs = QueuedJobs.await(aws, s.streamId().value(), 2, 20_000);
        assertTrue(jobs.get(jobs.size() - 1).job().last(), "session of " + s.streamId() + " ended with its last chunk");
        assertEquals(0, jobs.get(0).job().startMs());
      }
    }
  }
}
