package io.tributary.ingest.sink;

import io.tributary.core.job.TranscodeJob;
import io.tributary.core.job.TranscodeJobJson;
import software.amazon.awssdk.services.sqs.SqsClient;

/** One SQS message per job, the JSON of core {@link TranscodeJobJson}. */
public final class SqsJobPublisher implements JobPublisher {
  private final SqsClient sqs;
  private final String queueUrl;

  public SqsJobPublisher(SqsClient sqs, String queueUrl) {
    this.sqs = sqs;
    this.queueUrl = queueUrl;
  }

  /** Resolves the queue URL once by name (the names come from ResourceNames). */
  public static SqsJobPublisher forQueue(SqsClient sqs, String queueName) {
    return new SqsJobPublisher(sqs, sqs.getQueueUrl(b -> b.queueName(queueName)).queueUrl());
  }

  @Override
  public void publish(TranscodeJob job) {
    sqs.sendMessage(b -> b.queueUrl(queueUrl).messageBody(TranscodeJobJson.write(job)));
  }
}
