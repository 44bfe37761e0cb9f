package io.tributary.api.ops;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;

/** Liveness, the one route without a token (load balancers and the launcher poll it). */
@Controller("/health")
public class HealthController {
  @Serdeable
  public record Health(String status) {}

  @Get
  @Operation(summary = "Liveness; needs no token")
  public Health health() {
    return new Health("UP");
  }
}
