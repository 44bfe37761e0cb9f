package io.tributary.api.session;

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

@Controller("/streams/{id}/sessions")
@SecurityRequirement(name = "bearer")
public class SessionController {
  private final SessionService service;

  public SessionController(SessionService service) {
    this.service = service;
  }

  @Get
  @Operation(summary = "Sessions (recordings) newest first with start, end, duration and VOD URL")
  public Optional<SessionListView> listSessions(@Parameter(hidden = true) Caller caller, @PathVariable String id,
                                        @QueryValue(defaultValue = "20") @Min(1) @Max(100) int limit,
                                        @QueryValue @Nullable String cursor) {
    return service.list(caller, StreamIds.parse(id), limit, Optional.ofNullable(cursor));
  }
}
