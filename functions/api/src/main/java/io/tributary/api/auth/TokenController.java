package io.tributary.api.auth;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.tributary.api.problem.ApiProblem;
import io.tributary.core.keys.StreamKeys;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

@Controller("/tokens")
@SecurityRequirement(name = "bearer")
public class TokenController {
  private static final Logger LOG = LoggerFactory.getLogger(TokenController.class);
  private final TokenRepository tokens;
  private final Clock clock;

  public TokenController(TokenRepository tokens, Clock clock) {
    this.tokens = tokens;
    this.clock = clock;
  }

  @Post
  @Operation(summary = "Create an API token for the caller's tenant (admin: for any tenant); shown once")
  public HttpResponse<CreatedToken> createToken(@Parameter(hidden = true) Caller caller, @Body @Valid CreateTokenRequest body) {
    String tenant = Optional.ofNullable(body.tenantId()).orElse(caller.tenantId());
    if (!tenant.equals(caller.tenantId()) && !caller.admin()) {
      throw new ApiProblem(403, "Forbidden", "tenantId", "own tenant unless admin",
          "only an admin token may create tokens for another tenant");
    }
    String token = StreamKeys.generate();
    long now = clock.millis();
    tokens.putIfAbsent(new ApiToken(StreamKeys.hash(token), tenant, body.name(), now, Optional.empty()));
    LOG.info("created API token '{}' for tenant {}", body.name(), tenant);
    return HttpResponse.created(new CreatedToken(token, tenant, body.name(), Instant.ofEpochMilli(now).toString()));
  }
}
