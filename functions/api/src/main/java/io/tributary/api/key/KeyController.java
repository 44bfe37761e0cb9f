package io.tributary.api.key;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.tributary.api.auth.Caller;
import io.tributary.api.stream.StreamIds;
import java.util.List;

@Controller("/streams/{id}/keys")
@SecurityRequirement(name = "bearer")
public class KeyController {
  private final KeyService service;

  public KeyController(KeyService service) {
    this.service = service;
  }

  @Serdeable
  public record Revoked(String id, boolean revoked, boolean liveSessionEnded) {}

  @Post
  @Operation(summary = "Create a stream key; the key and publish URL are shown only in this response")
  public HttpResponse<CreatedKey> createKey(@Parameter(hidden = true) Caller caller, @PathVariable String id) {
    return HttpResponse.created(service.create(caller, StreamIds.parse(id)));
  }

  @Get
  @Operation(summary = "List keys: id, last 4 characters, created, last used, revoked")
  public List<KeyView> listKeys(@Parameter(hidden = true) Caller caller, @PathVariable String id) {
    return service.list(caller, StreamIds.parse(id));
  }

  @Post("/{keyId}/rotate")
  @Operation(summary = "Issue a new key and revoke this one (a session publishing with it continues)")
  public HttpResponse<CreatedKey> rotateKey(@Parameter(hidden = true) Caller caller, @PathVariable String id, @PathVariable String keyId) {
    return HttpResponse.created(service.rotate(caller, StreamIds.parse(id), keyId));
  }

  @Delete("/{keyId}")
  @Operation(summary = "Revoke a key; endSession=true also ends a live session published with it")
  public Revoked revokeKey(@Parameter(hidden = true) Caller caller, @PathVariable String id, @PathVariable String keyId,
                        @QueryValue(defaultValue = "false") @Nullable Boolean endSession) {
    boolean ended = service.revoke(caller, StreamIds.parse(id), keyId, Boolean.TRUE.equals(endSession));
    return new Revoked(keyId, true, ended);
  }
}
