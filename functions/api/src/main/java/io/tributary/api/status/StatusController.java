package io.tributary.api.status;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.tributary.api.auth.Caller;
import io.tributary.api.stream.StreamIds;
import java.util.Optional;

@Controller("/streams/{id}/status")
@SecurityRequirement(name = "bearer")
public class StatusController {
  private final StatusService service;

  public StatusController(StatusService service) {
    this.service = service;
  }

  @Get
  @Operation(summary = "IDLE/LIVE/ENDED, ingest health while live, playback and thumbnail URLs (signed if private)")
  public Optional<LiveStatusView> liveStatus(@Parameter(hidden = true) Caller caller, @PathVariable String id) {
    return service.status(caller, StreamIds.parse(id));
  }
}
