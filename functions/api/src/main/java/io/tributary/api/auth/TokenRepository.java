package io.tributary.api.auth;

import java.util.Optional;

public interface TokenRepository {
  Optional<ApiToken> find(String tokenHash);

  /** Stores the token unless its hash exists already; true when stored. */
  boolean putIfAbsent(ApiToken token);

  /**
   * Claims the one-time bootstrap marker; true for the first caller ever (per tokens table), so
   * exactly one process generates and prints an admin token.
   */
  boolean claimBootstrap(String tokenHash, long now);
}
