package io.tributary.api;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.tributary.api.auth.ApiToken;
import io.tributary.api.auth.TokenRepository;
import io.tributary.api.config.AwsEnv;
import io.tributary.core.keys.StreamKeys;
import io.tributary.local.aws.LocalAws;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Starts the API's context against the local emulators, as the launcher would configure it. */
public final class TestApi {
  public static final String PLAYBACK_SECRET = "test-playback-secret-0123456789abcdef";
  /** Fixed so that recorded API Gateway events can carry it. */
  public static final String ADMIN_TOKEN = "test-admin-token-0123456789abcdefghijklmnop";

  private TestApi() {}

  public static Map<String, Object> properties() {
    Map<String, Object> p = new HashMap<>();
    p.put("tributary.playback-secret", PLAYBACK_SECRET);
    p.put("tributary.admin-token", ADMIN_TOKEN);
    p.put("tributary.playback-base-url", "http://127.0.0.1:8082");
    p.put("tributary.rate-limit-per-s", 1000);
    p.put("tributary.rate-limit-burst", 1000);
    p.put("tributary.events-poll-ms", 0);
    return p;
  }

  public static ApplicationContext context(LocalAws aws, Map<String, Object> overrides) {
    Map<String, Object> p = properties();
    p.putAll(overrides);
    return ApplicationContext.builder().singletons(new AwsEnv(aws.env())).properties(p).start();
  }

  /** A context with the Netty server on a free loopback port. */
  public static EmbeddedServer server(LocalAws aws, Map<String, Object> overrides) {
    Map<String, Object> p = new HashMap<>(overrides);
    p.put("micronaut.server.port", -1);
    p.put("micronaut.server.host", "127.0.0.1");
    ApplicationContext ctx = context(aws, p);
    return ctx.getBean(EmbeddedServer.class).start();
  }

  /** A fresh token of a tenant, stored hashed like every token. */
  public static String token(ApplicationContext ctx, String tenant) {
    String token = StreamKeys.generate();
    ctx.getBean(TokenRepository.class).putIfAbsent(new ApiToken(StreamKeys.hash(token), tenant, "test",
        System.currentTimeMillis(), Optional.empty()));
    return token;
  }
}
