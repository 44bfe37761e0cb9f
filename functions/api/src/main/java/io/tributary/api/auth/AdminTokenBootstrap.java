package io.tributary.api.auth;

import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import io.tributary.api.config.ApiConfig;
import io.tributary.api.config.AwsEnv;
import io.tributary.core.keys.StreamKeys;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes sure an admin token exists when the API starts (cold start in Lambda).
 * <ol>
 *   <li>{@code TRIBUTARY_ADMIN_TOKEN} set: its hash is inserted if absent (the launcher passes a
 *   known token each run).</li>
 *   <li>{@code TRIBUTARY_ADMIN_TOKEN_SECRET_ARN} set (AWS): the token is read from Secrets Manager
 *   and its hash inserted if absent.</li>
 *   <li>Neither, outside Lambda: the first start ever (per tokens table) generates a token and
 *   prints {@code token: <value>} once on stdout; later starts print that it is unchanged.</li>
 * </ol>
 */
@Singleton
public class AdminTokenBootstrap implements ApplicationEventListener<StartupEvent> {
  private static final Logger LOG = LoggerFactory.getLogger(AdminTokenBootstrap.class);
  static final String UNCHANGED = "token: (unchanged; stored hashed \u2014 set TRIBUTARY_ADMIN_TOKEN to choose one)";

  private final TokenRepository tokens;
  private final ApiConfig config;
  private final AdminSecretSource secrets;
  private final AwsEnv env;
  private final Clock clock;

  public AdminTokenBootstrap(TokenRepository tokens, ApiConfig config, AdminSecretSource secrets, AwsEnv env,
                             Clock clock) {
    this.tokens = tokens;
    this.config = config;
    this.secrets = secrets;
    this.env = env;
    this.clock = clock;
  }

  @Override
  public void onApplicationEvent(StartupEvent event) {
    Optional<String> known = config.adminToken().filter(t -> !t.isBlank())
        .or(() -> config.adminTokenSecretArn().filter(a -> !a.isBlank()).map(secrets::read));
    long now = clock.millis();
    if (known.isPresent()) {
      String token = known.get().strip();
      if (token.length() < 20) {
        throw new IllegalStateException("the admin token must be at least 20 characters, got " + token.length());
      }
      boolean inserted = tokens.putIfAbsent(new ApiToken(StreamKeys.hash(token), config.adminTenant(), "admin", now,
          Optional.empty()));
      LOG.info("admin token from configuration {}", inserted ? "stored" : "already stored");
      return;
    }
    if (env.vars().containsKey("AWS_LAMBDA_FUNCTION_NAME")) {
      LOG.warn("no TRIBUTARY_ADMIN_TOKEN_SECRET_ARN: no admin token is ensured in Lambda");
      return;
    }
    String token = StreamKeys.generate();
    String hash = StreamKeys.hash(token);
    if (tokens.claimBootstrap(hash, now)) {
      tokens.putIfAbsent(new ApiToken(hash, config.adminTenant(), "admin", now, Optional.empty()));
      System.out.println("token: " + token);
    } else {
      System.out.println(UNCHANGED);
    }
    System.out.flush();
  }
}
