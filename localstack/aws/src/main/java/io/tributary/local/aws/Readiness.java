package io.tributary.local.aws;

import io.tributary.core.aws.AwsClients;
import java.time.Duration;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * An emulator is ready when it answers a real SDK call, not when its port opens: S3 ListBuckets,
 * SQS ListQueues, DynamoDB ListTables. Connection failures are retried until the deadline; an
 * error response (say, a rejected signature) is a real problem and is thrown as it is.
 */
final class Readiness {
  private Readiness() {}

  static void await(AwsClients clients, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    try (S3Client s3 = clients.s3(); SqsClient sqs = clients.sqs(); DynamoDbClient dynamo = clients.dynamo()) {
      until("S3", "AWS_ENDPOINT_URL_S3", AwsClients.describe(clients.settings().s3Endpoint()), deadline,
          () -> s3.listBuckets());
      until("SQS", "AWS_ENDPOINT_URL_SQS", AwsClients.describe(clients.settings().sqsEndpoint()), deadline,
          () -> sqs.listQueues());
      until("DynamoDB", "AWS_ENDPOINT_URL_DYNAMODB", AwsClients.describe(clients.settings().dynamoEndpoint()),
          deadline, () -> dynamo.listTables());
    }
  }

  private static void until(String service, String var, String endpoint, long deadline, Supplier<?> call) {
    while (true) {
      try {
        call.get();
        return;
      } catch (SdkClientException e) {
        if (System.nanoTime() > deadline) {
          throw new LocalAwsException(var, endpoint, service + " at " + endpoint + " is unreachable ("
              + rootMessage(e) + "): start it or point " + var + " (or AWS_ENDPOINT_URL) at a running endpoint", e);
        }
        sleep();
      }
    }
  }

  static String rootMessage(Throwable t) {
    Throwable c = t;
    while (c.getCause() != null && c.getCause() != c) {
      c = c.getCause();
    }
    return c.getClass().getSimpleName() + ": " + c.getMessage();
  }

  private static void sleep() {
    try {
      Thread.sleep(20);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the emulators", e);
    }
  }
}
