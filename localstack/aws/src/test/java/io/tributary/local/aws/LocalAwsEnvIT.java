package io.tributary.local.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tributary.core.aws.AwsClients;
import io.tributary.core.aws.AwsSettings;
import io.tributary.core.resources.ResourceNames;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.sqs.SqsClient;

/** {@code env()} configures another process exactly like this one: same endpoints, names, queue. */
@ExtendWith(LocalAwsExtension.class)
class LocalAwsEnvIT {

  @Test
  void envRoundTripsThroughTheCoreFactories(LocalAws aws) {
    AwsSettings fromEnv = AwsSettings.fromEnv(aws.env());
    assertEquals(aws.settings().s3Endpoint(), fromEnv.s3Endpoint());
    assertEquals(aws.settings().sqsEndpoint(), fromEnv.sqsEndpoint());
    assertEquals(aws.settings().dynamoEndpoint(), fromEnv.dynamoEndpoint());
    assertEquals(aws.settings().region(), fromEnv.region());
    assertEquals(aws.names(), ResourceNames.fromEnv(aws.env()));
    try (SqsClient sqs = new AwsClients(fromEnv).sqs()) {
      assertEquals(aws.queueUrl(), sqs.getQueueUrl(b -> b.queueName(aws.names().jobQueue())).queueUrl());
    }
  }
}
