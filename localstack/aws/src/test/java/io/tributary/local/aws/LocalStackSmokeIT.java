package io.tributary.local.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.testcontainers.DockerClientFactory;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Part of every default build: the bootstrap and one round trip per service against a real
 * LocalStack where Docker and a LocalStack auth token exist; reported skipped, with the reason,
 * everywhere else (the whole suite runs there with {@code -Dtributary.aws=localstack}).
 */
class LocalStackSmokeIT {
  private static RunningAws running;

  /** In the test, not in {@code @BeforeAll}, so Surefire counts the test as skipped rather than absent. */
  private static LocalAws localStack() {
    if (running != null) {
      return running.aws();
    }
    boolean docker;
    try {
      docker = DockerClientFactory.instance().isDockerAvailable();
    } catch (RuntimeException | LinkageError e) {
      docker = false;
    }
    assumeTrue(docker, "no Docker engine is reachable: the LocalStack suite is skipped "
        + "(the embedded emulators ran the same integration tests)");
    String token = System.getenv("LOCALSTACK_AUTH_TOKEN");
    assumeTrue(token != null && !token.isBlank(),
        "LOCALSTACK_AUTH_TOKEN is unset and current LocalStack images require it: the LocalStack suite is skipped");
    running = LocalStackBackend.start();
    return running.aws();
  }

  @AfterAll
  static void stop() throws Exception {
    if (running != null) {
      running.close();
    }
  }

  @Test
  void bootstrappedResourcesRoundTripThroughTheSdk() {
    LocalAws aws = localStack();
    var s3 = aws.clients().s3();
    s3.putObject(b -> b.bucket(aws.names().mediaBucket()).key("smoke/hello.txt"), RequestBody.fromString("hi"));
    assertEquals("hi", s3.getObjectAsBytes(b -> b.bucket(aws.names().mediaBucket()).key("smoke/hello.txt"))
        .asUtf8String());
    var sqs = aws.clients().sqs();
    sqs.sendMessage(b -> b.queueUrl(aws.queueUrl()).messageBody("smoke"));
    assertEquals("smoke", sqs.receiveMessage(b -> b.queueUrl(aws.queueUrl()).waitTimeSeconds(5))
        .messages().get(0).body());
    var dynamo = aws.clients().dynamo();
    dynamo.putItem(b -> b.tableName(aws.names().streamsTable())
        .item(Map.of("streamId", AttributeValue.fromS("st_smokesmokesmokesmoke"))));
    assertEquals("st_smokesmokesmokesmoke", dynamo.getItem(b -> b.tableName(aws.names().streamsTable())
        .key(Map.of("streamId", AttributeValue.fromS("st_smokesmokesmokesmoke")))).item().get("streamId").s());
  }
}
