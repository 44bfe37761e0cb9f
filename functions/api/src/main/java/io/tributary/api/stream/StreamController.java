package io.tributary.api.stream;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.Status;
import io.micronaut.core.annotation.Nullable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.tributary.api.auth.Caller;
import io.tributary.api.problem.ApiProblem;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.Optional;

@Controller("/streams")
@SecurityRequirement(name = "bearer")
public class StreamController {
  private final StreamService service;

  public StreamController(StreamService service) {
    this.service = service;
  }

  @Post
  @Operation(summary = "Create a stream", description = "Honours Idempotency-Key: a retry with the same key and body "
      + "replays the first response; the same key with another body is 422.")
  public HttpResponse<?> createStream(@Parameter(hidden = true) Caller caller, @Body @Valid CreateStreamRequest body,
                                @Header("Idempotency-Key") @Nullable String idempotencyKey) {
    CreateResult r = service.create(caller, body.toSettings(), Optional.ofNullable(idempotencyKey));
    if (r instanceof CreateResult.Replayed replay) {
      return HttpResponse.status(HttpStatus.valueOf(replay.status())).body(replay.json())
          .contentType(MediaType.APPLICATION_JSON_TYPE).header("Idempotent-Replayed", "true");
    }
    StreamView view = ((CreateResult.Fresh) r).view();
    return HttpResponse.created(view).header("Location", "/streams/" + view.id());
  }

  @Get
  @Operation(summary = "List the caller's streams, newest first", description = "Pass nextCursor as cursor for the "
      + "next page; the last page has no nextCursor.")
  public StreamListView listStreams(@Parameter(hidden = true) Caller caller, @QueryValue(defaultValue = "20") @Min(1) @Max(100) int limit,
                             @QueryValue @Nullable String cursor) {
    return service.list(caller, limit, Optional.ofNullable(cursor));
  }

  @Get("/{id}")
  @Operation(summary = "Get a stream")
  public Optional<StreamView> getStream(@Parameter(hidden = true) Caller caller, @PathVariable String id) {
    return service.get(caller, StreamIds.parse(id));
  }

  @Patch("/{id}")
  @Operation(summary = "Change a stream's settings; segment duration and ladder apply from the next publish")
  public Optional<StreamView> updateStream(@Parameter(hidden = true) Caller caller, @PathVariable String id, @Body @Valid UpdateStreamRequest body) {
    return service.update(caller, StreamIds.parse(id), body);
  }

  @Delete("/{id}")
  @Status(HttpStatus.NO_CONTENT)
  @Operation(summary = "Delete a stream: ends a live session, revokes keys, marks media for deletion")
  public void deleteStream(@Parameter(hidden = true) Caller caller, @PathVariable String id) {
    if (!service.delete(caller, StreamIds.parse(id))) {
      throw ApiProblem.notFound("stream", id);
    }
  }
}
