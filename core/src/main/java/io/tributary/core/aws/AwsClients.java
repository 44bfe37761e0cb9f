package io.tributary.core.aws;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
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
 *
 * <p>S3 clients send plain PUTs: checksums only where an API requires them, no aws-chunked
 * encoding. Since SDK 2.30 the default computes a CRC32 of every upload and streams it as an
 * aws-chunked body with a checksum trailer; ingest uploads a chunk every two seconds per stream, and
 * that framing (plus, over plain HTTP, a SigV4 signature per 128 KiB frame) was a large share of
 * its CPU. Why this is safe: against real S3 the endpoint is HTTPS, where the SDK signs
 * {@code UNSIGNED-PAYLOAD} and TLS record MACs protect the bytes in transit (the pre-2.30
 * behaviour); S3 still verifies Content-Length; and every object we write is re-derivable (a
 * failed chunk is retried, segments are rewritten by idempotent jobs). Over plain HTTP (the local
 * emulators) SigV4 still hashes the whole body once (x-amz-content-sha256), which the SDK forces
 * for unencrypted connections. Responses are validated only where the API requires it, for the
 * same reason.
 */
public final class AwsClients {
  private final AwsSettings settings;
  private final AwsCredentialsProvider credentials;
  private final SdkHttpClient http;
  /**
   * Runs the SDK's API-call timeouts. Every call schedules one and cancels it when it returns;
   * the SDK's own executor keeps cancelled tasks queued until their 60 s would have run out
   * (about 10,000 of them with 100 publishers on one ingest task: heap and heap-sift work for
   * nothing), so this one drops them at cancel time. Shared by all clients, daemon threads.
   */
  private static final ScheduledExecutorService TIMEOUTS = timeouts();

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

  /** The credentials every client here signs with, for SDK clients of other services (EventBridge, API Gateway). */
  public AwsCredentialsProvider credentials() {
    return credentials;
  }

  public AwsSettings settings() {
    return settings;
  }

  public S3Client s3() {
    var b = S3Client.builder().region(Region.of(settings.region())).credentialsProvider(credentials)
        .httpClient(http).overrideConfiguration(retries())
        .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
        .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
    S3Configuration.Builder s3 = S3Configuration.builder().chunkedEncodingEnabled(false);
    settings.s3Endpoint().ifPresent(e -> {
      b.endpointOverride(e);
      s3.pathStyleAccessEnabled(true);
    });
    return b.serviceConfiguration(s3.build()).build();
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
    return ClientOverrideConfiguration.builder().apiCallTimeout(Duration.ofSeconds(60))
        .scheduledExecutorService(TIMEOUTS).build();
  }

  private static ScheduledExecutorService timeouts() {
    ScheduledThreadPoolExecutor e = new ScheduledThreadPoolExecutor(1, r -> {
      Thread t = new Thread(r, "aws-call-timeouts");
      t.setDaemon(true);
      return t;
    });
    e.setRemoveOnCancelPolicy(true);
    return e;
  }

  /** For messages: the endpoint a client talks to, or "aws". */
  public static String describe(Optional<URI> endpoint) {
    return endpoint.map(URI::toString).orElse("aws");
  }
}
