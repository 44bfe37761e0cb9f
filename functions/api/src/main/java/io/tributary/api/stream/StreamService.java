package io.tributary.api.stream;

import io.micronaut.json.JsonMapper;
import io.tributary.api.auth.Caller;
import io.tributary.api.idempotency.IdempotencyRecord;
import io.tributary.api.idempotency.IdempotencyRepository;
import io.tributary.api.key.KeyService;
import io.tributary.api.problem.ApiProblem;
import io.tributary.core.id.StreamId;
import io.tributary.core.keys.StreamKeys;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/** Stream lifecycle: create (idempotent on request), read, list, update, delete. */
@Singleton
public class StreamService {
  private static final Logger LOG = LoggerFactory.getLogger(StreamService.class);
  static final long IDEMPOTENCY_TTL_S = 86_400;

  private final StreamRepository streams;
  private final IdempotencyRepository idempotency;
  private final KeyService keys;
  private final JsonMapper json;
  private final Clock clock;

  public StreamService(StreamRepository streams, IdempotencyRepository idempotency, KeyService keys, JsonMapper json,
                       Clock clock) {
    this.streams = streams;
    this.idempotency = idempotency;
    this.keys = keys;
    this.json = json;
    this.clock = clock;
  }

  public CreateResult create(Caller caller, StreamSettings settings, Optional<String> idempotencyKey) {
    if (idempotencyKey.isEmpty()) {
      return new CreateResult.Fresh(createWithId(caller, StreamId.random(), settings));
    }
    String key = idempotencyKey.get();
    if (key.isEmpty() || key.length() > 255 || !key.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
      throw ApiProblem.badRequest("header:Idempotency-Key", "1..255 visible ASCII characters",
          "Idempotency-Key must be 1..255 visible ASCII characters");
    }
    String id = caller.tenantId() + "#" + key;
    String requestHash = StreamKeys.hash(settings.toString());
    StreamId reserved = StreamId.random();
    long now = clock.millis();
    IdempotencyRecord pending = new IdempotencyRecord(id, requestHash, 0, reserved.value(), now / 1000 + IDEMPOTENCY_TTL_S);
    if (!idempotency.claim(pending)) {
      IdempotencyRecord existing = idempotency.find(id).orElse(null);
      if (existing == null) {
        // It expired between the claim and the read: the key is free again.
        throw ApiProblem.conflict("retry", "Idempotency-Key record expired just now; retry the request");
      }
      if (!existing.requestHash().equals(requestHash)) {
        throw new ApiProblem(422, "Unprocessable Content", "header:Idempotency-Key", "same body for the same key",
            "Idempotency-Key " + key + " was used with a different request body");
      }
      if (existing.completed()) {
        LOG.info("replayed create for an Idempotency-Key");
        return new CreateResult.Replayed(existing.status(), existing.body());
      }
      reserved = new StreamId(existing.body());
    }
    StreamView view = createWithId(caller, reserved, settings);
    try {
      idempotency.complete(id, 201, json.writeValueAsString(view));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new CreateResult.Fresh(view);
  }

  private StreamView createWithId(Caller caller, StreamId id, StreamSettings settings) {
    long now = clock.millis();
    StreamRecord rec = StreamRecord.created(id, caller.tenantId(), settings, now);
    if (!streams.create(rec)) {
      // Only a retried idempotent create gets here: the stream exists from the first attempt.
      rec = streams.find(caller.tenantId(), id).orElseThrow(() -> ApiProblem.conflict("unique stream id",
          "stream " + id + " exists already"));
    } else {
      MDC.put("streamId", id.value());
      LOG.info("created stream");
    }
    return StreamView.of(rec, now);
  }

  public Optional<StreamView> get(Caller caller, StreamId id) {
    MDC.put("streamId", id.value());
    return streams.find(caller.tenantId(), id).map(r -> StreamView.of(r, clock.millis()));
  }

  public StreamListView list(Caller caller, int limit, Optional<String> cursor) {
    StreamPage page = streams.list(caller.tenantId(), limit, cursor.map(PageCursor::decode));
    long now = clock.millis();
    return new StreamListView(page.items().stream().map(r -> StreamView.of(r, now)).toList(),
        page.next().map(PageCursor::encode).orElse(null));
  }

  public Optional<StreamView> update(Caller caller, StreamId id, UpdateStreamRequest patch) {
    MDC.put("streamId", id.value());
    Optional<StreamRecord> current = streams.find(caller.tenantId(), id);
    if (current.isEmpty()) {
      return Optional.empty();
    }
    StreamSettings next = patch.applyTo(current.get().settings());
    return streams.update(caller.tenantId(), id, next, clock.millis()).map(r -> StreamView.of(r, clock.millis()));
  }

  /**
   * Deletes: marks the item deleted and clears the live lease in one conditional update (ingest
   * drops the publish at its next heartbeat), then revokes every key. Media stays in S3 marked by
   * {@code deletedAt} for a background sweep; the stream is 404 from now on.
   */
  public boolean delete(Caller caller, StreamId id) {
    MDC.put("streamId", id.value());
    if (!streams.markDeleted(caller.tenantId(), id, clock.millis())) {
      return false;
    }
    int revoked = keys.revokeAll(id);
    LOG.info("deleted stream; revoked {} keys", revoked);
    return true;
  }
}
