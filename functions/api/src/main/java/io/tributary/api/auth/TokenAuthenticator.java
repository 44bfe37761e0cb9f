package io.tributary.api.auth;

import io.tributary.api.config.ApiConfig;
import io.tributary.core.keys.StreamKeys;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Bearer token to caller: hash, then one GetItem by hash (the comparison is DynamoDB's exact key
 * match on a SHA-256, so no timing oracle reveals token bytes). Positive answers are cached for
 * {@link #CACHE_NANOS} so a busy token costs one read per 10 s; a revoked token therefore stops
 * working within 10 s.
 */
@Singleton
public class TokenAuthenticator {
  static final long CACHE_NANOS = 10_000_000_000L;
  private static final int MAX_CACHED = 10_000;

  private record Cached(Caller caller, long until) {}

  private final TokenRepository tokens;
  private final String adminTenant;
  private final Map<String, Cached> cache = new ConcurrentHashMap<>();

  public TokenAuthenticator(TokenRepository tokens, ApiConfig config) {
    this.tokens = tokens;
    this.adminTenant = config.adminTenant();
  }

  public Optional<Caller> authenticate(String bearer) {
    if (bearer == null || bearer.length() < 20 || bearer.length() > 200) {
      return Optional.empty();
    }
    String hash = StreamKeys.hash(bearer);
    long now = System.nanoTime();
    Cached c = cache.get(hash);
    if (c != null && now - c.until() < 0) {
      return Optional.of(c.caller());
    }
    Optional<Caller> caller = tokens.find(hash).filter(ApiToken::active)
        .map(t -> new Caller(t.tenantId(), hash, t.tenantId().equals(adminTenant)));
    if (cache.size() > MAX_CACHED) {
      cache.clear();
    }
    caller.ifPresentOrElse(x -> cache.put(hash, new Cached(x, now + CACHE_NANOS)), () -> cache.remove(hash));
    return caller;
  }
}
