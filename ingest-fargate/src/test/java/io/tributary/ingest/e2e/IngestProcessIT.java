package io.tributary.ingest.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.ingest.testing.FfTools;
import io.tributary.ingest.testing.QueuedJobs;
import io.tributary.ingest.testing.TestStreams;
import io.tributary.local.aws.LocalAws;
import io.tributary.local.aws.LocalAwsExtension;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * IngestMain as the launcher and the container run it: a child JVM configured only by
 * environment (LocalAws.env()), announcing "ready: ingest rtmp://..." on stdout, logging JSON,
 * and draining on SIGTERM.
 */
@ExtendWith(LocalAwsExtension.class)
class IngestProcessIT {

  @Test
  void mainAnnouncesReadyIngestsAndDrainsOnSigterm(LocalAws aws, @TempDir Path dir) throws Exception {
    ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), "-Dlogback.configurationFile=logback.xml",
        "io.tributary.ingest.server.IngestMain");
    pb.environment().putAll(aws.env());
    pb.environment().put("TRIBUTARY_INGEST_HOST", "127.0.0.1");
    pb.environment().put("TRIBUTARY_INGEST_PORT", "0");
    pb.environment().put("TRIBUTARY_INGEST_HTTP_PORT", "0");
    pb.environment().put("TRIBUTARY_INGEST_SPILL_DIR", dir.resolve("spill").toString());
    pb.redirectError(dir.resolve("stderr.log").toFile());
    Process ingest = pb.start();
    try {
      BufferedReader out = new BufferedReader(new InputStreamReader(ingest.getInputStream(), StandardCharsets.UTF_8));
      CompletableFuture<String> ready = CompletableFuture.supplyAsync(() -> {
        try {
          String line;
          while ((line = out.readLine()) != null) {
            if (line.startsWith("ready: ")) {
              return line;
            }
          }
          return "EOF";
        } catch (java.io.IOException e) {
          return e.toString();
        }
      });
      String line = ready.get(60, TimeUnit.SECONDS);
      assertTrue(line.matches("ready: ingest rtmp://127\\.0\\.0\\.1:\\d+"), line + " / " + Files.readString(dir.resolve("stderr.log")));
      String url = line.substring("ready: ingest ".length());

      Path clip = FfTools.clip(dir, "c", 20, "libx264", "aac", 25);
      TestStreams.Created stream = TestStreams.create(aws, 2000, "default", false);
      Process pub = FfTools.start(dir.resolve("ffmpeg.log"), "-v", "error", "-re", "-i", clip.toString(), "-c", "copy",
          "-f", "flv", url + "/live/" + stream.key());
      Thread.sleep(5000);
      ingest.destroy(); // SIGTERM
      assertTrue(ingest.waitFor(30, TimeUnit.SECONDS), "stopped after draining");
      assertTrue(pub.waitFor(10, TimeUnit.SECONDS));
      List<QueuedJobs.Received> jobs = QueuedJobs.await(aws, stream.streamId().value(), 2, 20_000);
      assertTrue(jobs.get(jobs.size() - 1).job().last(), "the drain closed the last chunk");
      assertEquals("drain", PublishEndToEndIT.awaitEnded(aws, stream.streamId().value(), jobs.get(0).job().sessionId())
          .get(io.tributary.core.resources.SessionsTable.END_REASON).s());
      String stderr = Files.readString(dir.resolve("stderr.log"));
      assertTrue(stderr.lines().anyMatch(l -> l.startsWith("{") && l.contains("publish accepted")
          && l.contains("\"level\":\"INFO\"")), "structured JSON logs: " + stderr.lines().limit(3).toList());
      assertTrue(!stderr.contains(stream.key()), "the stream key is never logged");
    } finally {
      ingest.destroyForcibly();
    }
  }
}
