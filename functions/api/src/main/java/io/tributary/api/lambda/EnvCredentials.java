package io.tributary.api.lambda;

import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * Credentials for the clients core's factory does not build (EventBridge, the WebSocket management
 * API), from the environment map a handler was given: Lambda puts its role's session there
 * ({@code AWS_ACCESS_KEY_ID}, {@code AWS_SECRET_ACCESS_KEY}, {@code AWS_SESSION_TOKEN}), tests put
 * the emulators' keys; without them, the default chain.
 */
final class EnvCredentials {
  private EnvCredentials() {}

  static AwsCredentialsProvider from(Map<String, String> env) {
    String key = env.get("AWS_ACCESS_KEY_ID");
    String secret = env.get("AWS_SECRET_ACCESS_KEY");
    if (key == null || key.isBlank() || secret == null || secret.isBlank()) {
      return DefaultCredentialsProvider.builder().build();
    }
    String session = env.get("AWS_SESSION_TOKEN");
    return StaticCredentialsProvider.create(session == null || session.isBlank()
        ? AwsBasicCredentials.create(key, secret) : AwsSessionCredentials.create(key, secret, session));
  }
}
