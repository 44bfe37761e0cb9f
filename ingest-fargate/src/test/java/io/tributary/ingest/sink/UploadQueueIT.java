package io.tributary.ingest.sink;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.core.id.SessionId;
import io.tributary.core.job.TranscodeJob;
import io.tributary.core.job.TranscodeJobFixtures;
import io.tributary.core.media.SourceInfo;
import io.tributary.core.resources.MediaKeys;
import io.tributary.core.resources.SessionsTable;
import io.tributary.core.resources.StreamsTable;
import io.tributary.ingest.flv.ChunkBytes;
import io.tributary.ingest.flv.FlvChunk;
import io.tributary.ingest.streams.DynamoSessionLedger;
import io.tributary.ingest.streams.LeaseWatch;
import io.tributary.ingest.streams.StreamConfig;
import io.tributary.ingest.streams.StreamRepository;
import io.tributary.ingest.testing.QueuedJobs;
import io.tributary.ingest.testing.TestStreams;
import io.tributary.local.aws.LocalAws;
import io.tributary.local.aws.LocalAwsExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

@ExtendWith(LocalAwsExtension.class)
class UploadQueueIT {
  private static final SourceInfo SOURCE = new SourceInfo("avc", "aac", 1280, 720, 30, 48000, 2);
  @TempDir
  Path spillDir;

  /** Our own boundary (ChunkStore/JobPublisher) wrapped around the real S3/SQS writers to cut them off for a while. */
  static final class Outage implements ChunkStore, JobPublisher {
    final ChunkStore store;
    final JobPublisher jobs;
    volatile boolean down;
    volatile int failedCalls;

    Outage(ChunkStore store, JobPublisher jobs) {
      this.store = store;
      this.jobs = jobs;
    }

    @Override
    public void put(String key, ChunkBytes flv) {
      if (down) {
        failedCalls++;
        throw new IllegalStateException("simulated S3 outage");
      }
      store.put(key, flv);
    }

    @Override
    public void publish(TranscodeJob job) {
      if (down) {
        failedCalls++;
        throw new IllegalStateException("simulated SQS outage");
      }
      jobs.publish(job);
    }
  }

  private record Fixture(StreamRepository repo, StreamConfig config, SessionId session, long firstSeq) {}

  private Fixture liveSession(LocalAws aws) {
    StreamRepository repo = new StreamRepository(aws.clients().dynamo(), aws.names());
    TestStreams.Created s = TestStreams.create(aws, 2000, "default", false);
    StreamConfig config = repo.findByKey(s.key()).orElseThrow();
    SessionId session = SessionId.startingAt(Instant.now());
    long first = repo.acquireLease(s.streamId(), session, "task-test", System.currentTimeMillis(), 60_000).orElseThrow();
    return new Fixture(repo, config, session, first);
  }

  private static FlvChunk chunk(int index, boolean last, int size) {
    byte[] b = new byte[size];
    new Random(index).nextBytes(b);
    return new FlvChunk(index, index * 2000L, 2000, 1_795_000_000_000L + index * 2000L, last, SOURCE, ChunkBytes.wrap(b));
  }

  private Uploader uploader(LocalAws aws, ChunkStore store, JobPublisher jobs, long memory, long disk) {
    return new Uploader(new UploaderSettings(4, memory, disk, spillDir, Duration.ofSeconds(60)), store, jobs);
  }

  @Test
  void chunksBecomeObjectsThenJobsInOrderAndTheSessionEnds(LocalAws aws) throws Exception {
    Fixture f = liveSession(aws);
    S3ChunkStore s3 = new S3ChunkStore(aws.clients().s3(), aws.names().rawBucket());
    try (BatchingSqsJobPublisher sqs = new BatchingSqsJobPublisher(aws.clients().sqs(), aws.queueUrl(), 2);
         Uploader up = uploader(aws, s3, sqs, 64 << 20, 64 << 20)) {
      UploadQueue q = up.open(new SessionTarget(f.config().streamId(), f.session(), 2000, "default"),
          new DynamoSessionLedger(f.repo(), f.config(), f.session(), new LeaseWatch(60_000, System.currentTimeMillis())), r -> { });
      for (int i = 0; i < 3; i++) {
        q.submit(chunk(i, i == 2, 50_000));
      }
      q.end("unpublish").get(20, TimeUnit.SECONDS);
      assertEquals(3, up.chunksSent());
    }
    String stream = f.config().streamId().value();
    List<QueuedJobs.Received> jobs = QueuedJobs.await(aws, stream, 3, 10_000);
    assertEquals(3, jobs.size());
    for (int i = 0; i < 3; i++) {
      TranscodeJob j = jobs.get(i).job();
      assertEquals(f.firstSeq() + i, j.seq());
      assertEquals(MediaKeys.chunk(stream, f.session().value(), j.seq()), j.chunkKey());
      assertEquals(i == 0, j.discontinuity());
      assertEquals(i == 2, j.last());
      assertEquals(i * 2000L, j.startMs());
      assertEquals(List.of("source", "480p", "360p"), j.ladder().renditions().stream().map(r -> r.name()).toList(),
          "default ladder below a 720p source");
      byte[] stored = aws.clients().s3().getObjectAsBytes(b -> b.bucket(aws.names().rawBucket()).key(j.chunkKey()))
          .asByteArray();
      assertArrayEquals(chunk(i, i == 2, 50_000).flv().toArray(), stored);
    }
    Map<String, AttributeValue> session = aws.clients().dynamo().getItem(b -> b.tableName(aws.names().sessionsTable())
        .consistentRead(true).key(Map.of(SessionsTable.STREAM_ID, AttributeValue.fromS(stream),
            SessionsTable.SESSION_ID, AttributeValue.fromS(f.session().value())))).item();
    assertEquals("ENDED", session.get(SessionsTable.STATE).s());
    assertEquals(Long.toString(f.firstSeq() + 2), session.get(SessionsTable.LAST_SEQ).n());
    assertTrue(!TestStreams.streamItem(aws, f.config().streamId()).containsKey(StreamsTable.LIVE_SESSION_ID),
        "lease released");

    // The producer's JSON has exactly the field set of the shared v1 fixture (core test-jar).
    ObjectMapper m = new ObjectMapper();
    assertEquals(fieldPaths(m.readTree(TranscodeJobFixtures.v1Json()), ""), fieldPaths(m.readTree(jobs.get(0).body()), ""));
  }

  /**
   * The seq taken ahead for the chunk being filled is given back when the session ends before
   * that chunk closes, so three sessions in a row (the middle one without a chunk) number their
   * chunks without a hole.
   */
  @Test
  void sessionsWithoutChunksLeaveNoHoleInTheStreamSeq(LocalAws aws) throws Exception {
    Fixture f = liveSession(aws);
    S3ChunkStore s3 = new S3ChunkStore(aws.clients().s3(), aws.names().rawBucket());
    List<Long> lastSeqs = new java.util.ArrayList<>();
    try (BatchingSqsJobPublisher sqs = new BatchingSqsJobPublisher(aws.clients().sqs(), aws.queueUrl(), 1);
         Uploader up = uploader(aws, s3, sqs, 64 << 20, 64 << 20)) {
      SessionId session = f.session();
      int[] chunksPerSession = {2, 0, 1};
      for (int k = 0; k < chunksPerSession.length; k++) {
        if (k > 0) {
          session = SessionId.startingAt(Instant.now().plusSeconds(k));
          f.repo().acquireLease(f.config().streamId(), session, "task-test", System.currentTimeMillis(), 60_000)
              .orElseThrow();
        }
        UploadQueue q = up.open(new SessionTarget(f.config().streamId(), session, 2000, "default"),
            new DynamoSessionLedger(f.repo(), f.config(), session, new LeaseWatch(60_000, System.currentTimeMillis())),
            r -> { });
        for (int i = 0; i < chunksPerSession[k]; i++) {
          q.submit(chunk(i, i == chunksPerSession[k] - 1, 20_000));
        }
        q.end("unpublish").get(20, TimeUnit.SECONDS);
        String sid = session.value();
        Map<String, AttributeValue> item = aws.clients().dynamo().getItem(b -> b.tableName(aws.names().sessionsTable())
            .consistentRead(true).key(Map.of(SessionsTable.STREAM_ID, AttributeValue.fromS(f.config().streamId().value()),
                SessionsTable.SESSION_ID, AttributeValue.fromS(sid)))).item();
        lastSeqs.add(item.containsKey(SessionsTable.LAST_SEQ) ? Long.parseLong(item.get(SessionsTable.LAST_SEQ).n()) : -1);
      }
    }
    List<QueuedJobs.Received> jobs = QueuedJobs.await(aws, f.config().streamId().value(), 3, 10_000);
    assertEquals(List.of(f.firstSeq(), f.firstSeq() + 1, f.firstSeq() + 2),
        jobs.stream().map(j -> j.job().seq()).toList(), "contiguous across the chunkless session");
    assertEquals(List.of(f.firstSeq() + 1, -1L, f.firstSeq() + 2), lastSeqs, "per-session last seq (none for the empty one)");
    assertEquals(Long.toString(f.firstSeq() + 3),
        TestStreams.streamItem(aws, f.config().streamId()).get(StreamsTable.NEXT_SEQ).n(), "nothing reserved beyond");
  }

  private static Set<String> fieldPaths(JsonNode node, String prefix) {
    Set<String> out = new TreeSet<>();
    if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        out.add(prefix + e.getKey());
        out.addAll(fieldPaths(e.getValue(), prefix + e.getKey() + "."));
      }
    } else if (node.isArray() && node.size() > 0) {
      out.addAll(fieldPaths(node.get(0), prefix + "[]."));
    }
    return out;
  }

  @Test
  void anOutageOfS3AndSqsLosesNothingChunksSpillToDiskAndFlushInOrder(LocalAws aws) throws Exception {
    Fixture f = liveSession(aws);
    Outage outage = new Outage(new S3ChunkStore(aws.clients().s3(), aws.names().rawBucket()),
        new SqsJobPublisher(aws.clients().sqs(), aws.queueUrl()));
    outage.down = true;
    int n = 15; // 30 s of 2 s chunks
    try (Uploader up = uploader(aws, outage, outage, 250_000, 64 << 20)) {
      UploadQueue q = up.open(new SessionTarget(f.config().streamId(), f.session(), 2000, "default"),
          new DynamoSessionLedger(f.repo(), f.config(), f.session(), new LeaseWatch(60_000, System.currentTimeMillis())), r -> { throw new AssertionError("dropped: " + r); });
      for (int i = 0; i < n; i++) {
        q.submit(chunk(i, i == n - 1, 100_000));
      }
      CompletableFuture<Void> ended = q.end("unpublish");
      Thread.sleep(2500);
      assertTrue(up.diskInUse() > 0, "chunks beyond the memory budget wait on disk");
      assertTrue(up.memoryInUse() <= 250_000, "memory bound held: " + up.memoryInUse());
      assertTrue(outage.failedCalls > 1, "retried during the outage");
      assertTrue(!ended.isDone());
      outage.down = false;
      ended.get(30, TimeUnit.SECONDS);
      assertEquals(n, up.chunksSent());
      assertEquals(0, up.lost());
      assertEquals(0, up.diskInUse());
      assertEquals(0, up.memoryInUse());
    }
    try (var files = Files.list(spillDir)) {
      assertEquals(0, files.count(), "spill files removed");
    }
    List<QueuedJobs.Received> jobs = QueuedJobs.await(aws, f.config().streamId().value(), n, 15_000);
    assertEquals(n, jobs.size());
    for (int i = 0; i < n; i++) {
      assertEquals(f.firstSeq() + i, jobs.get(i).job().seq(), "contiguous seq, nothing skipped");
      assertEquals(i * 2000L, jobs.get(i).job().startMs(), "in chunk order");
    }
  }

  @Test
  void pastTheBoundTheStreamIsDroppedNotTheProcess(LocalAws aws) throws Exception {
    Fixture f = liveSession(aws);
    Outage outage = new Outage(new S3ChunkStore(aws.clients().s3(), aws.names().rawBucket()),
        new SqsJobPublisher(aws.clients().sqs(), aws.queueUrl()));
    outage.down = true;
    CompletableFuture<String> dropped = new CompletableFuture<>();
    try (Uploader up = uploader(aws, outage, outage, 0, 250_000)) {
      UploadQueue q = up.open(new SessionTarget(f.config().streamId(), f.session(), 2000, "default"),
          new DynamoSessionLedger(f.repo(), f.config(), f.session(), new LeaseWatch(60_000, System.currentTimeMillis())), dropped::complete);
      for (int i = 0; i < 4; i++) {
        q.submit(chunk(i, false, 100_000));
      }
      assertEquals("overflow", dropped.get(5, TimeUnit.SECONDS));
      assertEquals(1, up.overflows());
      outage.down = false;
      q.end("overflow").get(30, TimeUnit.SECONDS);
      assertEquals(2, up.chunksSent(), "what fitted is still delivered");
    }
  }
}
