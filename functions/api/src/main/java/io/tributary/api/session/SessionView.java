package io.tributary.api.session;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;

/** A session (recording): duration in ms once ended; {@code vodUrl} when it was kept as VOD. */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SessionView(String id, String state, String startedAt, String endedAt, Long durationMs,
                          String endReason, Long firstSeq, Long lastSeq, String vodUrl) {}
