package io.tributary.ingest.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.tributary.core.job.TranscodeJob;
import io.tributary.core.resources.MetricsTable;
import io.tributary.core.resources.SessionsTable;
import io.tributary.core.resources.StreamsTable;
import io.tributary.ingest.server.RunningIngest;
import io.tributary.ingest.testing.FfTools;
import io.tributary.ingest.testing.QueuedJobs;
import io.tributary.ingest.testing.TestStreams;
import io.tributary.local.aws.LocalAws;
import io.tributary.local.aws.LocalAwsExtension;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Sessions over time: reconnects, a crashed task's stale lease, health samples, drain, scale-in protection. */
@ExtendWith(LocalAwsExtension.class)
class LifecycleIT {
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private static Process publish(Path dir, Path clip, String url, boolean realtime, String log) throws Exception {
    return realtime
        ? FfTools.start(dir.resolve(log), "-v", "error", "-re", "-i", clip.toString(), "-c", "copy", "-f", "flv", url)
        : FfTools.start(dir.resolve(log), "-v", "error", "-i", clip.toString(), "-c", "copy", "-f", "flv", url);
  }

  @Test
  void reconnectStartsANewSessionSeqContinuesAndAStaleLeaseIsTakenAtOnce(LocalAws aws, @TempDir Path dir)
      throws Exception {
    try (RunningIngest ingest = RunningIngest.start(aws, Map.of())) {
      Path clip = FfTools.clip(dir, "c", 4.5, "libx264", "aac", 25);
      TestStreams.Created stream = TestStreams.create(aws, 2000, "passthrough", false);
      assertEquals(0, publish(dir, clip, ingest.url(stream.key()), false, "1.log").waitFor());
      List<QueuedJobs.Received> first = QueuedJobs.await(aws, stream.streamId().value(), 2, 20_000);
      PublishEndToEndIT.awaitEnded(aws, stream.streamId().value(), first.get(0).job().sessionId());

      // A crashed ingest task left its lease behind; expired, so the reconnect gets in at once.
      aws.clients().dynamo().updateItem(b -> b.tableName(aws.names().streamsTable())
          .key(Map.of(StreamsTable.STREAM_ID, AttributeValue.fromS(stream.streamId().value())))
          .updateExpression("SET #s = :s, #t = :t, #u = :u")
          .expressionAttributeNames(Map.of("#s", StreamsTable.LIVE_SESSION_ID, "#t", StreamsTable.LIVE_TASK_ID,
              "#u", StreamsTable.LEASE_UNTIL))
          .expressionAttributeValues(Map.of(":s", AttributeValue.fromS("20261125T000000Z-crashedx"),
              ":t", AttributeValue.fromS("task-that-died"),
              ":u", AttributeValue.fromN(Long.toString(System.currentTimeMillis() - 1)))));
      assertEquals(0, publish(dir, clip, ingest.url(stream.key()), false, "2.log").waitFor());
      List<QueuedJobs.Received> second = QueuedJobs.await(aws, stream.streamId().value(), 2, 20_000);

      TranscodeJob lastOfFirst = first.get(first.size() - 1).job();
      TranscodeJob firstOfSecond = second.get(0).job();
      assertNotEquals(lastOfFirst.sessionId(), firstOfSecond.sessionId(), "a reconnect is a new session");
      assertEquals(lastOfFirst.seq() + 1, firstOfSecond.seq(), "seq continues across sessions");
      assertTrue(firstOfSecond.discontinuity());
      assertEquals(0, firstOfSecond.startMs(), "each session's timeline starts at 0");
      assertEquals(List.of("source"), firstOfSecond.ladder().renditions().stream().map(r -> r.name()).toList());
      Map<String, AttributeValue> s2 = PublishEndToEndIT.awaitEnded(aws, stream.streamId().value(),
          firstOfSecond.sessionId());
      assertEquals(Long.toString(firstOfSecond.seq()), s2.get(SessionsTable.FIRST_SEQ).n());
    }
  }

  @Test
  void healthIsSampledAndDrainEndsTheSessionWithItsLastChunk(LocalAws aws, @TempDir Path dir) throws Exception {
    HttpServer agent = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    List<String> protection = new CopyOnWriteArrayList<>();
    agent.createContext("/task-protection/v1/state", ex -> {
      protection.add(ex.getRequestMethod() + " " + new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
      byte[] ok = "{\"protection\":{}}".getBytes(StandardCharsets.UTF_8);
      ex.sendResponseHeaders(200, ok.length);
      ex.getResponseBody().write(ok);
      ex.close();
    });
    agent.start();
    try (RunningIngest ingest = RunningIngest.start(aws, Map.of("ECS_AGENT_URI",
        "http://127.0.0.1:" + agent.getAddress().getPort()))) {
      Path clip = FfTools.clip(dir, "long", 20, "libx264", "aac", 25);
      TestStreams.Created stream = TestStreams.create(aws, 2000, "default", false);
      Process p = publish(dir, clip, ingest.url(stream.key()), true, "p.log");
      String base = "http://127.0.0.1:" + ingest.http.address().getPort();
      Thread.sleep(4500);
      HttpResponse<String> health = get(base + "/health");
      assertEquals(200, health.statusCode());
      assertTrue(health.body().contains("\"publishers\":1"), health.body());
      String metrics = get(base + "/metrics").body();
      assertTrue(metrics.contains("# TYPE tributary_ingest_media_bytes_total counter"), metrics);
      assertTrue(metrics.contains("tributary_ingest_publishers 1"), metrics);

      Map<String, AttributeValue> item = TestStreams.streamItem(aws, stream.streamId());
      Map<String, AttributeValue> h = item.get(StreamsTable.HEALTH).m();
      assertEquals("320", h.get(MetricsTable.WIDTH).n());
      assertEquals("avc", h.get(MetricsTable.VIDEO_CODEC).s());
      assertTrue(Double.parseDouble(h.get(MetricsTable.FPS).n()) > 20, "fps " + h.get(MetricsTable.FPS).n());
      assertTrue(Integer.parseInt(h.get(MetricsTable.BITRATE_KBPS).n()) > 50);
      assertEquals("1000", h.get(MetricsTable.KEYFRAME_INTERVAL_MS).n());
      int samples = aws.clients().dynamo().query(b -> b.tableName(aws.names().metricsTable())
          .keyConditionExpression("#s = :s").expressionAttributeNames(Map.of("#s", MetricsTable.STREAM_ID))
          .expressionAttributeValues(Map.of(":s", AttributeValue.fromS(stream.streamId().value())))).count();
      assertTrue(samples >= 2, "health samples over time: " + samples);
      assertTrue(protection.stream().anyMatch(s -> s.startsWith("PUT") && s.contains("\"ProtectionEnabled\":true")),
          "scale-in protection on while publishing: " + protection);

      // SIGTERM path: stop accepting, close the current chunk as the last, end the session.
      assertTrue(ingest.server.drain(Duration.ofSeconds(20)));
      assertEquals(503, get(base + "/health").statusCode(), "load balancer told to stop sending");
      assertTrue(p.waitFor(10, TimeUnit.SECONDS), "publisher disconnected");
      List<QueuedJobs.Received> jobs = QueuedJobs.await(aws, stream.streamId().value(), 2, 20_000);
      TranscodeJob last = jobs.get(jobs.size() - 1).job();
      assertTrue(last.last());
      assertTrue(last.startMs() >= 2000, "at least two chunks before the drain");
      ChunkChecks.verify(aws, jobs, dir, true, 1000, 2000, (last.startMs() + last.durationMs()) / 1000.0);
      assertEquals("drain", PublishEndToEndIT.awaitEnded(aws, stream.streamId().value(), last.sessionId())
          .get(SessionsTable.END_REASON).s());
      for (int i = 0; i < 50 && protection.stream().noneMatch(s -> s.contains("\"ProtectionEnabled\":false")); i++) {
        Thread.sleep(100);
      }
      assertTrue(protection.get(protection.size() - 1).contains("\"ProtectionEnabled\":false"),
          "protection off when the last publisher is gone: " + protection);
    } finally {
      agent.stop(0);
    }
  }

  private static HttpResponse<String> get(String url) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
