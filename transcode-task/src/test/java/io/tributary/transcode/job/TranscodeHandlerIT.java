package io.tributary.transcode.job;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.core.job.TranscodeJob;
import io.tributary.core.resources.MediaKeys;
import io.tributary.core.resources.SegmentsTable;
import io.tributary.local.aws.LocalAws;
import io.tributary.local.aws.LocalAwsExtension;
import io.tributary.transcode.media.TestClips;
import io.tributary.transcode.media.TestJobs;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The handler against the local S3 and DynamoDB: objects, the index record, and idempotency. */
@ExtendWith(LocalAwsExtension.class)
class TranscodeHandlerIT {
  @TempDir
  Path scratch;

  private byte[] get(LocalAws aws, String key) {
    return aws.clients().s3().getObjectAsBytes(b -> b.bucket(aws.names().mediaBucket()).key(key)).asByteArray();
  }

  @Test
  void jobsProduceEveryRenditionInS3AndOneCompleteIndexRecordEach(LocalAws aws) {
    List<TranscodeJob> jobs = LocalJobs.upload(aws, TestClips.SMALL, TestJobs.SMALL_LADDER);
    TranscodeHandler handler = TestWorkers.handler(aws, scratch);
    for (TranscodeJob job : jobs) {
      assertTrue(handler.handle(job).indexed());
    }
    TranscodeJob first = jobs.get(0);
    String s = first.streamId();
    assertEquals(jobs.size(), LocalJobs.recordCount(aws, s));
    for (String r : List.of("source", "144p", MediaKeys.AUDIO)) {
      assertTrue(get(aws, MediaKeys.init(s, r, first.sessionId())).length > 300, r + " init");
      for (TranscodeJob j : jobs) {
        assertTrue(get(aws, MediaKeys.segment(s, r, j.seq())).length > 100, r + " segment " + j.seq());
      }
    }
    assertTrue(get(aws, MediaKeys.thumbnail(s)).length > 500);

    Map<String, AttributeValue> item = LocalJobs.record(aws, s, 1).orElseThrow();
    assertEquals(SegmentsTable.STATUS_OK, item.get(SegmentsTable.STATUS).s());
    assertEquals(first.sessionId(), item.get(SegmentsTable.SESSION_ID).s());
    assertFalse(item.get(SegmentsTable.DISCONTINUITY).bool());
    assertEquals(jobs.get(1).startMs(), Long.parseLong(item.get(SegmentsTable.START_MS).n()));
    assertEquals(jobs.get(1).capturedAtMs(), Long.parseLong(item.get(SegmentsTable.CAPTURED_AT).n()));
    assertEquals(2000, Integer.parseInt(item.get(SegmentsTable.TARGET_DURATION_MS).n()));
    double duration = new BigDecimal(item.get(SegmentsTable.DURATION).n()).doubleValue();
    assertEquals(jobs.get(1).durationMs() / 1000.0, duration, 1.0 / 30);
    Map<String, AttributeValue> renditions = item.get(SegmentsTable.RENDITIONS).m();
    // The 240p rung of the ladder is above the 180p source: never upscaled, so not produced.
    assertEquals(java.util.Set.of("source", "144p"), renditions.keySet());
    Map<String, AttributeValue> r144 = renditions.get("144p").m();
    assertTrue(r144.get(SegmentsTable.R_CODECS).s().startsWith("avc1.4d"), "main profile");
    assertEquals("256", r144.get(SegmentsTable.R_WIDTH).n());
    assertEquals("144", r144.get(SegmentsTable.R_HEIGHT).n());
    assertEquals("30", r144.get(SegmentsTable.R_FRAME_RATE).n());
    assertEquals("90000", r144.get(SegmentsTable.R_TIMESCALE).n());
    assertEquals(Long.toString(jobs.get(1).startMs() * 90), r144.get(SegmentsTable.R_DECODE_TIME).n());
    long size = Long.parseLong(r144.get(SegmentsTable.R_SIZE).n());
    assertEquals(size, get(aws, MediaKeys.segment(s, "144p", 1)).length);
    long durationTs = Long.parseLong(r144.get(SegmentsTable.R_DURATION_TS).n());
    assertEquals(Math.round(size * 8 / (durationTs / 90000.0)), Long.parseLong(r144.get(SegmentsTable.R_BANDWIDTH).n()));
    assertEquals(renditions.get("source").m().get(SegmentsTable.R_DECODE_TIME), r144.get(SegmentsTable.R_DECODE_TIME));
    Map<String, AttributeValue> audio = item.get(SegmentsTable.AUDIO).m();
    assertEquals("mp4a.40.2", audio.get(SegmentsTable.R_CODECS).s());
    assertEquals("48000", audio.get(SegmentsTable.R_TIMESCALE).n());
    assertTrue(LocalJobs.record(aws, s, 0).orElseThrow().get(SegmentsTable.DISCONTINUITY).bool());
    assertTrue(LocalJobs.record(aws, s, jobs.size() - 1).orElseThrow().get(SegmentsTable.LAST).bool());
  }

  @Test
  void aJobRedoneAfterACrashBeforeItsIndexWriteYieldsIdenticalSegmentsAndOneRecord(LocalAws aws) {
    List<TranscodeJob> jobs = LocalJobs.upload(aws, TestClips.SMALL, TestJobs.SMALL_LADDER);
    TranscodeJob job = jobs.get(1);
    TranscodeHandler handler = TestWorkers.handler(aws, scratch);
    assertTrue(handler.handle(job).indexed());
    byte[] source = get(aws, MediaKeys.segment(job.streamId(), "source", job.seq()));
    byte[] rung = get(aws, MediaKeys.segment(job.streamId(), "144p", job.seq()));
    byte[] audio = get(aws, MediaKeys.segment(job.streamId(), MediaKeys.AUDIO, job.seq()));
    Map<String, AttributeValue> record = LocalJobs.record(aws, job.streamId(), job.seq()).orElseThrow();

    // Redelivered after the record was written (killed before delete): skipped without work.
    assertEquals(JobOutcome.ALREADY_DONE, handler.handle(job));

    // Killed after upload but before the index write: the objects are there, the record is not.
    aws.clients().dynamo().deleteItem(b -> b.tableName(aws.names().segmentsTable()).key(Map.of(
        SegmentsTable.STREAM_ID, record.get(SegmentsTable.STREAM_ID), SegmentsTable.SEQ, record.get(SegmentsTable.SEQ))));
    assertTrue(handler.handle(job).indexed());
    assertArrayEquals(source, get(aws, MediaKeys.segment(job.streamId(), "source", job.seq())));
    assertArrayEquals(rung, get(aws, MediaKeys.segment(job.streamId(), "144p", job.seq())), "x264 output is deterministic");
    assertArrayEquals(audio, get(aws, MediaKeys.segment(job.streamId(), MediaKeys.AUDIO, job.seq())));
    assertEquals(record, LocalJobs.record(aws, job.streamId(), job.seq()).orElseThrow());
    assertEquals(1, LocalJobs.recordCount(aws, job.streamId()));
  }

  @Test
  void aJobRedrivenFromTheDlqReplacesItsGapButNeverAnOkRecord(LocalAws aws) {
    List<TranscodeJob> jobs = LocalJobs.upload(aws, TestClips.SMALL, TestJobs.SMALL_LADDER);
    TranscodeJob job = jobs.get(2);
    TranscodeHandler handler = TestWorkers.handler(aws, scratch);
    assertTrue(handler.index().putGap(SegmentRecord.gap(job)));
    assertTrue(handler.handle(job).indexed(), "the GAP is healed");
    assertEquals(SegmentsTable.STATUS_OK, LocalJobs.record(aws, job.streamId(), job.seq()).orElseThrow()
        .get(SegmentsTable.STATUS).s());
    assertFalse(handler.index().putGap(SegmentRecord.gap(job)), "a late GAP never replaces an OK record");
    assertEquals(SegmentsTable.STATUS_OK, LocalJobs.record(aws, job.streamId(), job.seq()).orElseThrow()
        .get(SegmentsTable.STATUS).s());
  }

  @Test
  void aMissingChunkFailsAtDownloadNamingStreamAndSeq(LocalAws aws) {
    List<TranscodeJob> jobs = TestJobs.forClip(TestClips.SMALL, TestClips.chunks(TestClips.SMALL), TestJobs.newStream(),
        TestJobs.newSession(), 7, TestJobs.SMALL_LADDER);
    TranscodeException e = assertThrows(TranscodeException.class,
        () -> TestWorkers.handler(aws, scratch).handle(jobs.get(0)));
    assertEquals("download", e.stage());
    assertEquals(7, e.seq());
    assertEquals(jobs.get(0).streamId(), e.streamId());
    assertEquals(0, LocalJobs.recordCount(aws, jobs.get(0).streamId()));
  }
}
