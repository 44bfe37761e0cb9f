package io.tributary.api.key;

import java.util.Optional;

/** A stream key as stored: its hash, public id and last four characters; never the key. */
public record KeyRecord(String keyHash, String keyId, String streamId, String last4, long createdAt,
                        Optional<Long> lastUsedAt, Optional<Long> revokedAt) {
  public KeyRecord {
    if (!keyHash.matches("[0-9a-f]{64}")) {
      throw new IllegalArgumentException("key hash must be 64 hex characters");
    }
  }

  public boolean active() {
    return revokedAt.isEmpty();
  }
}
