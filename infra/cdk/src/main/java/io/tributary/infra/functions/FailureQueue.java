package io.tributary.infra.functions;

import io.tributary.infra.nag.Nag;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.sqs.Queue;
import software.amazon.awscdk.services.sqs.QueueEncryption;
import software.constructs.Construct;

/**
 * The last stop of what a function could not process (a dead-letter queue, an on-failure
 * destination): kept 14 days for operators to read, encrypted, TLS only. Every such queue of the
 * functions alarms through the stack's alarms.
 */
final class FailureQueue {
  private static final Duration RETENTION = Duration.days(14);

  private FailureQueue() {}

  /** A queue something else names as its dead-letter queue (cdk-nag sees that link itself). */
  static Queue deadLetters(Construct scope, String id) {
    return Queue.Builder.create(scope, id)
        .retentionPeriod(RETENTION)
        .encryption(QueueEncryption.SQS_MANAGED)
        .enforceSsl(true)
        .build();
  }

  /**
   * A destination cdk-nag cannot see as a dead-letter queue (a Lambda on-failure destination, an
   * event rule target's DLQ): its AwsSolutions-SQS3 finding is suppressed with {@code why}.
   */
  static Queue destination(Construct scope, String id, String why) {
    Queue queue = deadLetters(scope, id);
    Nag.suppress(queue, "AwsSolutions-SQS3", why);
    return queue;
  }
}
