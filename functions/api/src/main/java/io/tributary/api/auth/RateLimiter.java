package io.tributary.api.auth;

import io.tributary.api.config.ApiConfig;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Per-token rate limit of the local server (in AWS, API Gateway throttling applies the same
 * numbers per route; this still runs per Lambda instance). Buckets are dropped in bulk when the
 * map grows past a bound, so a flood of distinct tokens cannot grow memory without limit (tokens
 * are checked before the limiter runs, so only valid tokens get a bucket anyway).
 */
@Singleton
public class RateLimiter {
  private static final int MAX_BUCKETS = 10_000;
  private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();
  private final int perSecond;
  private final int burst;
  private final LongSupplier nanos;

  public RateLimiter(ApiConfig config) {
    this(config.rateLimitPerS(), config.rateLimitBurst(), System::nanoTime);
  }

  RateLimiter(int perSecond, int burst, LongSupplier nanos) {
    this.perSecond = perSecond;
    this.burst = burst;
    this.nanos = nanos;
  }

  /** 0 to proceed, else whole seconds the client should wait (the Retry-After value, at least 1). */
  public long retryAfterSeconds(String key) {
    if (buckets.size() > MAX_BUCKETS) {
      buckets.clear();
    }
    long now = nanos.getAsLong();
    TokenBucket b = buckets.computeIfAbsent(key, k -> new TokenBucket(perSecond, burst, now));
    long wait;
    synchronized (b) {
      wait = b.tryTake(now);
    }
    return wait == 0 ? 0 : Math.max(1, (wait + 999_999_999L) / 1_000_000_000L);
  }
}
