package io.tributary.core.aws;

import java.net.URI;
import java.util.Map;
import java.util.Optional;

/**
 * Where the AWS APIs are. {@code AWS_ENDPOINT_URL} points every client at one endpoint
 * (LocalStack's {@code http://localhost:4566}); the embedded emulators have one endpoint per
 * service ({@code AWS_ENDPOINT_URL_S3}, {@code _SQS}, {@code _DYNAMODB}, the SDK's own names).
 * Unset means real AWS in {@code AWS_REGION}.
 */
public record AwsSettings(Optional<URI> s3Endpoint, Optional<URI> sqsEndpoint, Optional<URI> dynamoEndpoint,
                          String region) {

  public static final String DEFAULT_REGION = "us-east-1";

  public AwsSettings {
    if (region == null || !region.matches("[a-z]{2}(-[a-z]+)+-\\d")) {
      throw new IllegalArgumentException("AWS region looks wrong: " + region);
    }
  }

  public static AwsSettings real(String region) {
    return new AwsSettings(Optional.empty(), Optional.empty(), Optional.empty(), region);
  }

  /** All three services behind one endpoint, as LocalStack serves them. */
  public static AwsSettings single(URI endpoint, String region) {
    return new AwsSettings(Optional.of(endpoint), Optional.of(endpoint), Optional.of(endpoint), region);
  }

  public static AwsSettings fromEnv(Map<String, String> env) {
    String region = firstNonBlank(env.get("AWS_REGION"), env.get("AWS_DEFAULT_REGION"), DEFAULT_REGION);
    Optional<URI> all = uri(env, "AWS_ENDPOINT_URL");
    return new AwsSettings(uri(env, "AWS_ENDPOINT_URL_S3").or(() -> all),
        uri(env, "AWS_ENDPOINT_URL_SQS").or(() -> all),
        uri(env, "AWS_ENDPOINT_URL_DYNAMODB").or(() -> all), region);
  }

  public static AwsSettings fromEnv() {
    return fromEnv(System.getenv());
  }

  public boolean isLocal() {
    return s3Endpoint.isPresent() || sqsEndpoint.isPresent() || dynamoEndpoint.isPresent();
  }

  private static Optional<URI> uri(Map<String, String> env, String name) {
    String v = env.get(name);
    if (v == null || v.isBlank()) {
      return Optional.empty();
    }
    URI u = URI.create(v.strip());
    if (u.getScheme() == null || u.getHost() == null) {
      throw new IllegalArgumentException(name + "=" + v + " is not an http(s) URL with a host");
    }
    return Optional.of(u);
  }

  private static String firstNonBlank(String... values) {
    for (String v : values) {
      if (v != null && !v.isBlank()) {
        return v.strip();
      }
    }
    throw new IllegalArgumentException("no value");
  }
}
