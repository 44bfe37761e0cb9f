package io.tributary.api.key;

import io.micronaut.serde.annotation.Serdeable;

/** The only response that ever carries a stream key: shown once, at creation or rotation. */
@Serdeable
public record CreatedKey(String id, String key, String last4, String publishUrl, String createdAt) {}
