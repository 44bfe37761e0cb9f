package io.tributary.playlist.store;

import io.tributary.local.aws.LocalAws;
import java.net.URI;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * A DynamoDB client against the local emulator with a request counter attached (core
 * {@code AwsClients} has no interceptor hook; the endpoint and credentials are LocalAws's own).
 */
public final class TestDynamo {
  private TestDynamo() {}

  public static DynamoDbClient counting(LocalAws aws, CountingInterceptor counter) {
    Map<String, String> env = aws.env();
    URI endpoint = aws.settings().dynamoEndpoint().orElseThrow();
    return DynamoDbClient.builder().region(Region.of(aws.settings().region())).endpointOverride(endpoint)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
            env.getOrDefault("AWS_ACCESS_KEY_ID", "tributary"), env.getOrDefault("AWS_SECRET_ACCESS_KEY", "secret"))))
        .overrideConfiguration(o -> o.addExecutionInterceptor(counter)).build();
  }
}
