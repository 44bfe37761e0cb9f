package io.tributary.infra.secrets;

import io.tributary.infra.nag.Nag;
import software.amazon.awscdk.services.secretsmanager.Secret;
import software.amazon.awscdk.services.secretsmanager.SecretStringGenerator;
import software.constructs.Construct;

/**
 * Secrets generated at deploy time, never in the template or the repo: the bootstrap admin API
 * token (the API stores its SHA-256 hash on cold start; operators read it once from Secrets
 * Manager) and the HMAC key of signed playback tokens (API issues, playlist verifies).
 */
public final class Secrets extends Construct {
  private final Secret adminToken;
  private final Secret playbackKey;

  public Secrets(Construct scope, String id) {
    super(scope, id);
    adminToken = generated("AdminToken", "Tributary bootstrap admin API token (Bearer).", 48);
    // core PlaybackTokens requires at least 32 bytes.
    playbackKey = generated("PlaybackKey", "Tributary HMAC key for signed playback tokens.", 64);
  }

  private Secret generated(String id, String description, int length) {
    Secret s = Secret.Builder.create(this, id)
        .description(description)
        .generateSecretString(SecretStringGenerator.builder()
            .passwordLength(length).excludePunctuation(true).includeSpace(false).build())
        .build();
    Nag.suppress(s, "AwsSolutions-SMG4", "Rotating it needs a rotation Lambda that knows our token table; "
        + "operators rotate by creating a new API token and revoking this one.");
    return s;
  }

  public Secret adminToken() {
    return adminToken;
  }

  public Secret playbackKey() {
    return playbackKey;
  }
}
