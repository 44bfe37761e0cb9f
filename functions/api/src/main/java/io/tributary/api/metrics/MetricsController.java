package io.tributary.api.metrics;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.tributary.api.auth.Caller;
import io.tributary.api.stream.StreamIds;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.Optional;

@Controller("/streams/{id}/metrics")
@SecurityRequirement(name = "bearer")
public class MetricsController {
  private final MetricsService service;

  public MetricsController(MetricsService service) {
    this.service = service;
  }

  @Get
  @Operation(summary = "Ingest health history in [since, until) (ISO-8601; default the last hour), at most `points` points")
  public Optional<MetricsView> metricsHistory(@Parameter(hidden = true) Caller caller, @PathVariable String id, @QueryValue @Nullable String since,
                                       @QueryValue @Nullable String until,
                                       @QueryValue(defaultValue = "120") @Min(1) @Max(1000) int points) {
    return service.history(caller, StreamIds.parse(id), Optional.ofNullable(since), Optional.ofNullable(until), points);
  }
}
