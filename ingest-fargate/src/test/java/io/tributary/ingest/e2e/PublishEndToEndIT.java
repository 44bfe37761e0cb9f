package io.tributary.ingest.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.core.job.TranscodeJob;
import io.tributary.core.resources.SessionsTable;
import io.tributary.core.resources.StreamsTable;
import io.tributary.ingest.server.RunningIngest;
import io.tributary.ingest.testing.FfTools;
import io.tributary.ingest.testing.QueuedJobs;
import io.tributary.ingest.testing.TestStreams;
import io.tributary.local.aws.LocalAws;
import io.tributary.local.aws.LocalAwsExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Real ffmpeg publishing over RTMP to the real server, with the local AWS: chunks in S3, jobs on
 * SQS, session records in DynamoDB. Clips are encoded once and published with {@code -c copy}
 * as fast as the server reads (chunking follows media timestamps, not the wall clock).
 */
@ExtendWith(LocalAwsExtension.class)
class PublishEndToEndIT {
  static RunningIngest ingest;

  @BeforeAll
  static void start(LocalAws aws) throws Exception {
    ingest = RunningIngest.start(aws, Map.of());
  }

  @AfterAll
  static void stop() {
    ingest.close();
  }

  @ParameterizedTest(name = "{0}/{1}")
  @CsvSource(nullValues = "none", value = {
      "libx264, aac",
      "libx265, aac",
      "none, aac",
      "libx264, none",
      "none, libmp3lame"})
  void ffmpegPublishBecomesChunksJobsAndASession(String video, String audio, LocalAws aws, @TempDir Path dir)
      throws Exception {
    double seconds = 6;
    Path clip = FfTools.clip(dir, "src", seconds, video, audio, 25);
    TestStreams.Created stream = TestStreams.create(aws, 2000, "default", false);
    Path log = dir.resolve("ffmpeg.log");
    Process p = FfTools.start(log, "-v", "error", "-i", clip.toString(), "-c", "copy", "-f", "flv",
        ingest.url(stream.key()));
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "publish finished");
    assertEquals(0, p.exitValue(), "ffmpeg publish failed: " + Files.readString(log));

    List<QueuedJobs.Received> jobs = QueuedJobs.await(aws, stream.streamId().value(), 2, 20_000);
    ChunkChecks.verify(aws, jobs, dir, video != null, 1000, 2000, seconds);
    TranscodeJob first = jobs.get(0).job();
    assertEquals(video == null ? null : video.equals("libx264") ? "avc" : "hevc", first.source().videoCodec());
    assertEquals(audio == null ? null : audio.equals("aac") ? "aac" : "mp3", first.source().audioCodec());
    if (video != null) {
      assertEquals(320, first.source().width());
      assertEquals(240, first.source().height());
    }
    if (audio != null) {
      assertEquals(44100, first.source().audioSampleRate());
    }

    String sessionId = first.sessionId();
    Map<String, AttributeValue> session = awaitEnded(aws, stream.streamId().value(), sessionId);
    assertEquals("unpublish", session.get(SessionsTable.END_REASON).s());
    assertEquals(Long.toString(first.seq()), session.get(SessionsTable.FIRST_SEQ).n());
    assertEquals(Long.toString(jobs.get(jobs.size() - 1).job().seq()), session.get(SessionsTable.LAST_SEQ).n());
    assertEquals(stream.keyId(), session.get(SessionsTable.KEY_ID).s());
    Map<String, AttributeValue> item = TestStreams.streamItem(aws, stream.streamId());
    assertNull(item.get(StreamsTable.LIVE_SESSION_ID), "lease released");
    assertEquals(Long.toString(jobs.get(jobs.size() - 1).job().seq() + 1), item.get(StreamsTable.NEXT_SEQ).n());
  }

  static Map<String, AttributeValue> awaitEnded(LocalAws aws, String streamId, String sessionId)
      throws InterruptedException {
    Map<String, AttributeValue> key = Map.of(SessionsTable.STREAM_ID, AttributeValue.fromS(streamId),
        SessionsTable.SESSION_ID, AttributeValue.fromS(sessionId));
    for (int i = 0; i < 100; i++) {
      Map<String, AttributeValue> item = aws.clients().dynamo().getItem(b -> b.tableName(aws.names().sessionsTable())
          .key(key).consistentRead(true)).item();
      if (item != null && "ENDED".equals(item.get(SessionsTable.STATE).s())) {
        return item;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("session " + sessionId + " never ENDED");
  }
}
