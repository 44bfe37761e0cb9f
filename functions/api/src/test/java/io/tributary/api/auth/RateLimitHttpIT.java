package io.tributary.api.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.exceptions.BeanInstantiationException;
import io.micronaut.runtime.server.EmbeddedServer;
import io.tributary.api.Http;
import io.tributary.api.TestApi;
import io.tributary.local.aws.LocalAws;
import io.tributary.local.aws.LocalAwsExtension;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(LocalAwsExtension.class)
class RateLimitHttpIT {
  @Test
  void overTheLimitIs429WithRetryAfterPerToken(LocalAws aws) {
    EmbeddedServer server = TestApi.server(aws, Map.of("tributary.rate-limit-per-s", 1, "tributary.rate-limit-burst", 3));
    try {
      Http a = new Http(URI.create("http://127.0.0.1:" + server.getPort() + "/"),
          TestApi.token(server.getApplicationContext(), "rl-" + System.nanoTime()));
      int ok = 0;
      HttpResponse<String> limited = null;
      long t0 = System.nanoTime();
      for (int i = 0; i < 40 && limited == null; i++) {
        HttpResponse<String> r = a.get("streams");
        if (r.statusCode() == 429) {
          limited = r;
        } else {
          assertEquals(200, r.statusCode(), r.body());
          ok++;
        }
      }
      long elapsedS = (System.nanoTime() - t0) / 1_000_000_000L;
      // a burst of 3, plus at most one refill per second the loop took (slow machines refill more)
      assertTrue(ok >= 3 && ok <= 4 + elapsedS, "burst of 3 (+1/s refill), got " + ok + " in " + elapsedS + " s");
      assertTrue(limited != null, "no 429 within 40 requests");
      assertEquals("1", limited.headers().firstValue("Retry-After").orElseThrow());
      assertEquals("application/problem+json", limited.headers().firstValue("Content-Type").orElseThrow());
      Http b = a.as(TestApi.token(server.getApplicationContext(), "rl-other-" + System.nanoTime()));
      assertEquals(200, b.get("streams").statusCode(), "another token has its own bucket");
      assertEquals(200, a.as(null).get("health").statusCode(), "health is never limited");
    } finally {
      server.getApplicationContext().close();
    }
  }

  @Test
  void refusesToStartWithoutPlaybackSecret(LocalAws aws) {
    Map<String, Object> props = TestApi.properties();
    props.remove("tributary.playback-secret");
    var builder = ApplicationContext.builder().singletons(new io.tributary.api.config.AwsEnv(aws.env())).properties(props);
    RuntimeException e = org.junit.jupiter.api.Assertions.assertThrows(RuntimeException.class, builder::start);
    assertTrue(String.valueOf(e.getMessage()).contains("playbackSecret"), e.getMessage());
  }
}
