package io.tributary.api.key;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

/** A listed key: id and last four characters only; lastUsedAt/revokedAt absent when never. */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record KeyView(String id, String last4, String createdAt, String lastUsedAt, String revokedAt, boolean active) {
  public static KeyView of(KeyRecord k) {
    return new KeyView(k.keyId(), k.last4(), Instant.ofEpochMilli(k.createdAt()).toString(),
        k.lastUsedAt().map(t -> Instant.ofEpochMilli(t).toString()).orElse(null),
        k.revokedAt().map(t -> Instant.ofEpochMilli(t).toString()).orElse(null), k.active());
  }
}
