package io.tributary.api.idempotency;

import java.util.Optional;

public interface IdempotencyRepository {
  /** Conditional put of a pending record; false when an unexpired record holds the id (then {@link #find}). */
  boolean claim(IdempotencyRecord pending);

  Optional<IdempotencyRecord> find(String id);

  void complete(String id, int status, String body);
}
