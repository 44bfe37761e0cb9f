package io.tributary.api.auth;

import java.util.Optional;

/** A stored API token: only its SHA-256 hash, never the token. */
public record ApiToken(String tokenHash, String tenantId, String name, long createdAt, Optional<Long> revokedAt) {
  public ApiToken {
    if (!tokenHash.matches("[0-9a-f]{64}")) {
      throw new IllegalArgumentException("token hash must be 64 hex characters");
    }
  }

  public boolean active() {
    return revokedAt.isEmpty();
  }
}
