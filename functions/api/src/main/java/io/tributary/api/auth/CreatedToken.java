package io.tributary.api.auth;

import io.micronaut.serde.annotation.Serdeable;

/** The only response that carries an API token: it is stored hashed and never shown again. */
@Serdeable
public record CreatedToken(String token, String tenantId, String name, String createdAt) {}
