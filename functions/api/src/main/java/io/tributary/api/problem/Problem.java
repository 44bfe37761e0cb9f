package io.tributary.api.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;

/**
 * RFC 9457 problem details plus two extension members: {@code field} (JSON pointer-ish name of
 * the offending input, e.g. {@code segmentDurationMs} or {@code header:Authorization}) and
 * {@code rule} (the constraint it broke, e.g. {@code range 1000..6000}).
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance, String field,
                      String rule) {
  public static final String MEDIA_TYPE = "application/problem+json";
}
