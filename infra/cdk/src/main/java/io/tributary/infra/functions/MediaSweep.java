package io.tributary.infra.functions;

import io.tributary.infra.nag.Nag;
import io.tributary.infra.storage.MediaBuckets;
import io.tributary.infra.storage.ResourceEnv;
import io.tributary.infra.storage.Tables;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.lambda.eventsources.SqsEventSource;
import software.amazon.awscdk.services.lambda.eventsources.SqsEventSourceProps;
import software.amazon.awscdk.services.sqs.DeadLetterQueue;
import software.amazon.awscdk.services.sqs.Queue;
import software.amazon.awscdk.services.sqs.QueueEncryption;
import software.constructs.Construct;

/**
 * Removes a deleted stream's media in AWS: a delay queue fed by {@link StreamChanges} when a
 * stream item gets {@code deletedAt}, and the API jar's {@value #HANDLER} consuming it. The delay
 * (up to SQS's 15 minutes, longer by re-queueing) lets ingest and in-flight transcode jobs stop
 * writing first. The function may list and delete under the chunk and media prefixes, read and
 * delete stream items, and consume and re-queue its own messages; nothing else.
 */
public final class MediaSweep extends Construct {
  public static final String HANDLER = "io.tributary.api.lambda.MediaSweepHandler::handleRequest";
  /** Read by the change and sweep handlers (api ChangeHandlerConfig). */
  public static final String QUEUE_URL_ENV = "TRIBUTARY_SWEEP_QUEUE_URL";
  public static final String MAX_OBJECTS_ENV = "TRIBUTARY_SWEEP_MAX_OBJECTS";
  /** 5000 DeleteObjects keys (5 calls) take seconds; the timeout leaves a wide margin. */
  static final int MAX_OBJECTS = 5000;
  static final int TIMEOUT_S = 120;
  /** A message failing this often (S3 or DynamoDB refusing) moves to the DLQ, which alarms. */
  static final int MAX_RECEIVE_COUNT = 5;

  private final Queue queue;
  private final Queue dlq;
  private final JavaFunction function;

  public MediaSweep(Construct scope, String id, Path apiJar, ResourceEnv env, MediaBuckets buckets, Tables tables) {
    super(scope, id);
    dlq = FailureQueue.deadLetters(this, "Dlq");
    queue = Queue.Builder.create(this, "Queue")
        // Lambda's guidance for SQS sources: visibility at least six times the function timeout.
        .visibilityTimeout(Duration.seconds(TIMEOUT_S * 6))
        .retentionPeriod(Duration.days(14))
        .encryption(QueueEncryption.SQS_MANAGED)
        .enforceSsl(true)
        .deadLetterQueue(DeadLetterQueue.builder().queue(dlq).maxReceiveCount(MAX_RECEIVE_COUNT).build())
        .build();

    Map<String, String> environment = new LinkedHashMap<>(env.variables());
    environment.put(QUEUE_URL_ENV, queue.getQueueUrl());
    environment.put(MAX_OBJECTS_ENV, Integer.toString(MAX_OBJECTS));
    function = new JavaFunction(this, "Purge", apiJar, HANDLER, 512, Duration.seconds(TIMEOUT_S), environment,
        "Tributary: delete a deleted stream's media, chunks and item");
    buckets.allowStreamPurge(function.function());
    Tables.allow(function.function(), tables.streams(), List.of("dynamodb:GetItem", "dynamodb:DeleteItem"));
    // Unfinished sweeps (more objects than one message's bound, or not yet due) go back on the queue.
    queue.grantSendMessages(function.function());
    function.alias().addEventSource(new SqsEventSource(queue, SqsEventSourceProps.builder()
        .batchSize(5)
        .reportBatchItemFailures(true)
        // Deletions are rare and S3 deletes are cheap but not free of throttling: no burst needed.
        .maxConcurrency(2)
        .build()));
    Nag.suppress(dlq, "AwsSolutions-SQS3", "This is the dead-letter queue of the sweep queue itself.");
  }

  public Queue queue() {
    return queue;
  }

  public Queue dlq() {
    return dlq;
  }

  public JavaFunction function() {
    return function;
  }
}
