package io.tributary.api.auth;

import io.tributary.api.config.AwsEnv;
import io.tributary.core.aws.AwsSettings;
import jakarta.inject.Singleton;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * Reads the admin token from Secrets Manager (AWS only; the Lambda role grants GetSecretValue on
 * that one secret). Core's client factory covers the emulated services only, so this client uses
 * the same region and the default credential chain directly.
 */
@Singleton
public class AdminSecretSource {
  private final AwsEnv env;

  public AdminSecretSource(AwsEnv env) {
    this.env = env;
  }

  public String read(String secretArn) {
    String region = AwsSettings.fromEnv(env.vars()).region();
    try (SecretsManagerClient sm = SecretsManagerClient.builder().region(Region.of(region))
        .httpClient(UrlConnectionHttpClient.create()).build()) {
      return sm.getSecretValue(b -> b.secretId(secretArn)).secretString();
    }
  }
}
