package io.tributary.api.auth;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /tokens}; {@code tenantId} other than the caller's needs an admin token. */
@Serdeable
@JsonIgnoreProperties(ignoreUnknown = false)
public record CreateTokenRequest(@NotBlank @Size(max = 100) String name,
                                 @Nullable @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,39}") String tenantId) {}
