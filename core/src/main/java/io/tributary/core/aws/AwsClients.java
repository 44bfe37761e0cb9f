package io.tributary.core.aws;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The one factory for AWS SDK v2 clients. With an endpoint override (emulators, LocalStack) it
 * uses path-style S3 and, unless credentials are in the environment, fixed local credentials;
 * otherwise the default provider chain (task role, Lambda role, profile).
 */
public final class AwsClients {
  private final AwsSettings settings;
  private final AwsCredentialsProvider credentials;
  private final SdkHttpClient http;

  public AwsClients(AwsSettings settings) {
    this.settings = settings;
    boolean envCredentials = System.getenv("AWS_ACCESS_KEY_ID") != null
        || System.getProperty("aws.accessKeyId") != null;
    this.credentials = settings.isLocal() && !envCredentials
        ? StaticCredentialsProvider.create(AwsBasicCredentials.create("tributary", "tributary-local-secret"))
        : DefaultCredentialsProvider.builder().build();
    this.http = UrlConnectionHttpClient.builder()
        .connectionTimeout(Duration.ofSeconds(5))
        .socketTimeout(Duration.ofSeconds(30))
        .build();
  }

  public static AwsClients fromEnv() {
    return new AwsClients(AwsSettings.fromEnv());
  }

  public AwsSettings settings() {
    return settings;
  }

  public S3Client s3() {
    var b = S3Client.builder().region(Region.of(settings.region())).credentialsProvider(credentials)
        .httpClient(http).overrideConfiguration(retries());
    settings.s3Endpoint().ifPresent(e -> b.endpointOverride(e).forcePathStyle(true));
    return b.build();
  }

  public S3Presigner s3Presigner() {
    var b = S3Presigner.builder().region(Region.of(settings.region())).credentialsProvider(credentials);
    settings.s3Endpoint().ifPresent(e -> b.endpointOverride(e)
        .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build()));
    return b.build();
  }

  public SqsClient sqs() {
    var b = SqsClient.builder().region(Region.of(settings.region())).credentialsProvider(credentials)
        .httpClient(http).overrideConfiguration(retries());
    settings.sqsEndpoint().ifPresent(b::endpointOverride);
    return b.build();
  }

  public DynamoDbClient dynamo() {
    var b = DynamoDbClient.builder().region(Region.of(settings.region())).credentialsProvider(credentials)
        .httpClient(http).overrideConfiguration(retries());
    settings.dynamoEndpoint().ifPresent(b::endpointOverride);
    return b.build();
  }

  private static ClientOverrideConfiguration retries() {
    return ClientOverrideConfiguration.builder().apiCallTimeout(Duration.ofSeconds(60)).build();
  }

  /** For messages: the endpoint a client talks to, or "aws". */
  public static String describe(Optional<URI> endpoint) {
    return endpoint.map(URI::toString).orElse("aws");
  }
}
