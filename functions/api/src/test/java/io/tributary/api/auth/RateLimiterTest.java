package io.tributary.api.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateLimiterTest {
  @Test
  void burstThenRefillAtTheRateWithRetryAfterInWholeSeconds() {
    AtomicLong now = new AtomicLong(0);
    RateLimiter limiter = new RateLimiter(2, 3, now::get);
    assertEquals(0, limiter.retryAfterSeconds("t"));
    assertEquals(0, limiter.retryAfterSeconds("t"));
    assertEquals(0, limiter.retryAfterSeconds("t"));
    assertEquals(1, limiter.retryAfterSeconds("t"));
    assertEquals(0, limiter.retryAfterSeconds("other"), "buckets are per token");
    now.addAndGet(500_000_000L); // half a second at 2/s refills one
    assertEquals(0, limiter.retryAfterSeconds("t"));
    assertEquals(1, limiter.retryAfterSeconds("t"));
  }

  @Test
  void slowRateGivesLongerRetryAfter() {
    AtomicLong now = new AtomicLong(0);
    RateLimiter limiter = new RateLimiter(1, 1, now::get);
    assertEquals(0, limiter.retryAfterSeconds("t"));
    assertEquals(1, limiter.retryAfterSeconds("t"));
    RateLimiter slow = new RateLimiter(1, 1, now::get);
    slow.retryAfterSeconds("t");
    now.addAndGet(100_000_000L);
    assertEquals(1, slow.retryAfterSeconds("t"));
  }
}
