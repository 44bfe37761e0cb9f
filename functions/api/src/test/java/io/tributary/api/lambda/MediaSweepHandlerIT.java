package io.tributary.api.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.tributary.api.stream.DynamoStreamRepository;
import io.tributary.api.stream.StreamRecord;
import io.tributary.api.stream.StreamSettings;
import io.tributary.api.sweep.SweepRequest;
import io.tributary.core.id.StreamId;
import io.tributary.core.resources.MediaKeys;
import io.tributary.core.resources.StreamsTable;
import io.tributary.local.aws.LocalAws;
import io.tributary.local.aws.LocalAwsExtension;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The sweep Lambda against the local S3, SQS and DynamoDB: messages really travel through the
 * queue (received from it and handed to the handler as Lambda would), objects really go.
 */
@ExtendWith(LocalAwsExtension.class)
class MediaSweepHandlerIT {
  private static final StreamSettings S = new StreamSettings("sweep", 2000, "default", false, 60, false);
  private static final String SESSION = "20261125T203000Z-abcdefgh";

  private static String queue(LocalAws aws, String id) {
    return aws.clients().sqs().createQueue(b -> b.queueName("sweep-h-" + id.substring(3))).queueUrl();
  }

  private static MediaSweepHandler handler(LocalAws aws, String queueUrl, int maxObjects, long nowMs) {
    Map<String, String> env = new HashMap<>(aws.env());
    env.put(ChangeHandlerConfig.SWEEP_QUEUE_URL, queueUrl);
    env.put(SweepHandlerConfig.MAX_OBJECTS, Integer.toString(maxObjects));
    return new MediaSweepHandler(env, Clock.fixed(Instant.ofEpochMilli(nowMs), ZoneOffset.UTC));
  }

  /** A stream item as the API leaves it after DELETE, with media and raw chunks in S3. */
  private static StreamId deletedStreamWithObjects(LocalAws aws, long deletedAt) {
    StreamId id = StreamId.random();
    DynamoStreamRepository repo = new DynamoStreamRepository(aws.clients().dynamo(), aws.names());
    repo.create(StreamRecord.created(id, "sweeper", S, deletedAt - 60_000));
    assertTrue(repo.markDeleted("sweeper", id, deletedAt));
    putObjects(aws, id);
    return id;
  }

  private static void putObjects(LocalAws aws, StreamId id) {
    try (var s3 = aws.clients().s3()) {
      for (String k : List.of(MediaKeys.segment(id.value(), "720p", 1), MediaKeys.segment(id.value(), "720p", 2),
          MediaKeys.init(id.value(), "720p", SESSION), MediaKeys.thumbnail(id.value()))) {
        s3.putObject(b -> b.bucket(aws.names().mediaBucket()).key(k), RequestBody.fromString("m4s"));
      }
      String chunk = MediaKeys.chunk(id.value(), SESSION, 1);
      s3.putObject(b -> b.bucket(aws.names().rawBucket()).key(chunk), RequestBody.fromString("flv"));
    }
  }

  private static int objects(LocalAws aws, StreamId id) {
    try (var s3 = aws.clients().s3()) {
      return s3.listObjectsV2(b -> b.bucket(aws.names().mediaBucket()).prefix(MediaKeys.streamPrefix(id.value())))
          .keyCount() + s3.listObjectsV2(b -> b.bucket(aws.names().rawBucket()).prefix("chunks/" + id.value() + "/"))
          .keyCount();
    }
  }

  private static boolean itemExists(LocalAws aws, StreamId id) {
    var item = aws.clients().dynamo().getItem(b -> b.tableName(aws.names().streamsTable())
        .key(Map.of(StreamsTable.STREAM_ID, AttributeValue.fromS(id.value()))).consistentRead(true)).item();
    return item != null && !item.isEmpty();
  }

  private static List<Message> take(LocalAws aws, String queueUrl) {
    List<Message> got = aws.clients().sqs().receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(10)
        .waitTimeSeconds(1)).messages();
    got.forEach(m -> aws.clients().sqs().deleteMessage(b -> b.queueUrl(queueUrl).receiptHandle(m.receiptHandle())));
    return got;
  }

  private static SQSEvent event(List<Message> messages) {
    List<SQSEvent.SQSMessage> records = new ArrayList<>();
    for (Message m : messages) {
      SQSEvent.SQSMessage r = new SQSEvent.SQSMessage();
      r.setMessageId(m.messageId());
      r.setReceiptHandle(m.receiptHandle());
      r.setBody(m.body());
      r.setEventSource("aws:sqs");
      records.add(r);
    }
    SQSEvent e = new SQSEvent();
    e.setRecords(records);
    return e;
  }

  private static void send(LocalAws aws, String queueUrl, String body) {
    aws.clients().sqs().sendMessage(b -> b.queueUrl(queueUrl).messageBody(body));
  }

  @Test
  void sweepsInBoundedRoundsThroughTheQueueThenDeletesTheItem(LocalAws aws) {
    long deletedAt = System.currentTimeMillis() - 1_000_000;
    StreamId id = deletedStreamWithObjects(aws, deletedAt);
    StreamId other = StreamId.random();
    putObjects(aws, other);
    String queueUrl = queue(aws, id.value());
    send(aws, queueUrl, new SweepRequest(id, deletedAt + 900_000).toJson());
    MediaSweepHandler handler = handler(aws, queueUrl, 2, deletedAt + 1_000_000);

    int rounds = 0;
    List<Message> batch = take(aws, queueUrl);
    while (!batch.isEmpty() && rounds < 10) {
      SQSBatchResponse res = handler.handleRequest(event(batch), new FakeLambdaContext());
      assertEquals(List.of(), res.getBatchItemFailures());
      rounds++;
      if (objects(aws, id) > 0) {
        assertTrue(itemExists(aws, id), "the item stays until its media is gone");
      }
      batch = take(aws, queueUrl);
    }
    assertEquals(3, rounds, "5 objects at 2 per message: 2, 2, then the last one and the item");
    assertEquals(0, objects(aws, id));
    assertTrue(!itemExists(aws, id), "the item goes last");
    assertEquals(5, objects(aws, other), "another stream's objects stay");
  }

  @Test
  void anEarlyRequestGoesBackForTheRestOfTheGrace(LocalAws aws) {
    long deletedAt = System.currentTimeMillis();
    StreamId id = deletedStreamWithObjects(aws, deletedAt);
    String queueUrl = queue(aws, id.value());
    SQSEvent early = new SQSEvent();
    SQSEvent.SQSMessage m = new SQSEvent.SQSMessage();
    m.setMessageId("early-1");
    m.setBody(new SweepRequest(id, deletedAt + 300_000).toJson());
    early.setRecords(List.of(m));

    SQSBatchResponse res = handler(aws, queueUrl, 100, deletedAt + 1000).handleRequest(early, new FakeLambdaContext());
    assertEquals(List.of(), res.getBatchItemFailures());
    assertEquals(5, objects(aws, id), "nothing deleted before the grace is over");
    var attrs = aws.clients().sqs().getQueueAttributes(b -> b.queueUrl(queueUrl)
        .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED)).attributes();
    assertEquals("1", attrs.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED));
  }

  @Test
  void aStreamNotMarkedDeletedIsNeverSweptAndABadMessageFailsAlone(LocalAws aws) {
    StreamId live = StreamId.random();
    new DynamoStreamRepository(aws.clients().dynamo(), aws.names())
        .create(StreamRecord.created(live, "sweeper", S, System.currentTimeMillis()));
    putObjects(aws, live);
    String queueUrl = queue(aws, live.value());
    send(aws, queueUrl, "{\"version\":1,\"streamId\":\"not-a-stream\",\"notBeforeMs\":0}");
    send(aws, queueUrl, new SweepRequest(live, 0).toJson());
    List<Message> batch = take(aws, queueUrl);
    assertEquals(2, batch.size());

    SQSBatchResponse res = handler(aws, queueUrl, 100, System.currentTimeMillis())
        .handleRequest(event(batch), new FakeLambdaContext());
    String bad = batch.stream().filter(x -> x.body().contains("not-a-stream")).findFirst().orElseThrow().messageId();
    assertEquals(List.of(bad), res.getBatchItemFailures().stream()
        .map(SQSBatchResponse.BatchItemFailure::getItemIdentifier).toList());
    assertEquals(5, objects(aws, live), "a stream that is not deleted keeps its media");
    assertTrue(itemExists(aws, live));
    assertEquals(List.of(), take(aws, queueUrl), "nothing re-queued for it");
  }
}
