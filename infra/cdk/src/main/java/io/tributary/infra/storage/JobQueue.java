package io.tributary.infra.storage;

import io.tributary.core.resources.QueueSpec;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.sqs.DeadLetterQueue;
import software.amazon.awscdk.services.sqs.Queue;
import software.amazon.awscdk.services.sqs.QueueEncryption;
import software.constructs.Construct;

/**
 * The transcode job queue and its DLQ, together because the redrive policy ties them: after
 * {@link QueueSpec#maxReceiveCount()} failed receives SQS, not code, moves a job to the DLQ.
 * Settings come from core's {@link QueueSpec}, the same the local emulator gets.
 */
public final class JobQueue extends Construct {
  private final QueueSpec spec;
  private final Queue queue;
  private final Queue dlq;

  public JobQueue(Construct scope, String id, QueueSpec spec) {
    super(scope, id);
    this.spec = spec;
    dlq = Queue.Builder.create(this, "Dlq")
        .retentionPeriod(Duration.seconds(spec.dlqRetention().toSeconds()))
        .encryption(QueueEncryption.SQS_MANAGED)
        .enforceSsl(true)
        .build();
    queue = Queue.Builder.create(this, "Queue")
        .visibilityTimeout(Duration.seconds(spec.visibilityTimeout().toSeconds()))
        .retentionPeriod(Duration.seconds(spec.retention().toSeconds()))
        .encryption(QueueEncryption.SQS_MANAGED)
        .enforceSsl(true)
        .deadLetterQueue(DeadLetterQueue.builder().queue(dlq).maxReceiveCount(spec.maxReceiveCount()).build())
        .build();
  }

  public QueueSpec spec() {
    return spec;
  }

  public Queue queue() {
    return queue;
  }

  public Queue dlq() {
    return dlq;
  }
}
