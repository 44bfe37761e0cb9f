package io.tributary.api.status;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;

/** Where viewers watch; each URL carries {@code ?token=} when the stream is private. */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PlaybackUrls(String hls, String dash, String watch, String thumbnail, String tokenExpiresAt) {}
