package io.tributary.api.auth;

/**
 * A token bucket: {@code burst} requests at once, refilled at {@code perSecond}. Not thread safe
 * on its own; {@link RateLimiter} synchronizes on the bucket.
 */
final class TokenBucket {
  private final double perNano;
  private final double capacity;
  private double tokens;
  private long last;

  TokenBucket(int perSecond, int burst, long nowNanos) {
    this.perNano = perSecond / 1e9;
    this.capacity = burst;
    this.tokens = burst;
    this.last = nowNanos;
  }

  /** 0 when the request may proceed (one token taken), else nanoseconds until one is available. */
  long tryTake(long nowNanos) {
    tokens = Math.min(capacity, tokens + (nowNanos - last) * perNano);
    last = nowNanos;
    if (tokens >= 1) {
      tokens -= 1;
      return 0;
    }
    return (long) Math.ceil((1 - tokens) / perNano);
  }
}
