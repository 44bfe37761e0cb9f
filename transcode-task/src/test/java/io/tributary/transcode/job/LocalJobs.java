package io.tributary.transcode.job;

import io.tributary.core.job.TranscodeJob;
import io.tributary.core.job.TranscodeJobJson;
import io.tributary.core.resources.SegmentsTable;
import io.tributary.local.aws.LocalAws;
import io.tributary.transcode.media.TestClips;
import io.tributary.transcode.media.TestJobs;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.model.Message;

/** Puts test chunks where ingest would (raw bucket + job queue) and reads back what the worker wrote. */
public final class LocalJobs {
  private LocalJobs() {}

  /** Uploads every chunk of a clip under a fresh stream and session; returns the jobs, not yet sent. */
  public static List<TranscodeJob> upload(LocalAws aws, TestClips.Spec spec, io.tributary.core.media.Ladder ladder) {
    List<Path> chunks = TestClips.chunks(spec);
    List<TranscodeJob> jobs = TestJobs.forClip(spec, chunks, TestJobs.newStream(), TestJobs.newSession(), 0, ladder);
    for (int i = 0; i < jobs.size(); i++) {
      Path c = chunks.get(i);
      String key = jobs.get(i).chunkKey();
      aws.clients().s3().putObject(b -> b.bucket(aws.names().rawBucket()).key(key), RequestBody.fromFile(c));
    }
    return jobs;
  }

  public static void send(LocalAws aws, TranscodeJob job) {
    aws.clients().sqs().sendMessage(b -> b.queueUrl(aws.queueUrl()).messageBody(TranscodeJobJson.write(job)));
  }

  public static Optional<Map<String, AttributeValue>> record(LocalAws aws, String streamId, long seq) {
    var r = aws.clients().dynamo().getItem(b -> b.tableName(aws.names().segmentsTable()).consistentRead(true)
        .key(Map.of(SegmentsTable.STREAM_ID, AttributeValue.fromS(streamId),
            SegmentsTable.SEQ, AttributeValue.fromN(Long.toString(seq)))));
    return r.hasItem() ? Optional.of(r.item()) : Optional.empty();
  }

  public static int recordCount(LocalAws aws, String streamId) {
    return aws.clients().dynamo().query(b -> b.tableName(aws.names().segmentsTable()).consistentRead(true)
        .keyConditionExpression("#s = :s").expressionAttributeNames(Map.of("#s", SegmentsTable.STREAM_ID))
        .expressionAttributeValues(Map.of(":s", AttributeValue.fromS(streamId)))).count();
  }

  /** Messages now in the DLQ whose body mentions {@code needle}; receives with visibility 0 so nothing is hidden. */
  public static List<Message> dlqMessages(LocalAws aws, String needle) {
    List<Message> found = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      for (Message m : aws.clients().sqs().receiveMessage(b -> b.queueUrl(aws.dlqUrl()).maxNumberOfMessages(10)
          .visibilityTimeout(0).waitTimeSeconds(0)).messages()) {
        if (m.body().contains(needle) && found.stream().noneMatch(f -> f.messageId().equals(m.messageId()))) {
          found.add(m);
        }
      }
    }
    return found;
  }

  /** Polls a condition every 100 ms up to {@code max}; bounded so a broken worker fails the test, never hangs it. */
  public static boolean await(Duration max, BooleanSupplier condition) {
    long deadline = System.nanoTime() + max.toNanos();
    while (System.nanoTime() < deadline) {
      if (condition.getAsBoolean()) {
        return true;
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return condition.getAsBoolean();
  }

  public static void purge(LocalAws aws) {
    aws.clients().sqs().purgeQueue(b -> b.queueUrl(aws.queueUrl()));
  }
}
