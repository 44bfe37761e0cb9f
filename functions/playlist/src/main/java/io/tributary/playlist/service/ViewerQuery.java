package io.tributary.playlist.service;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The query parameters a viewer may send: {@code token} (private streams), and the DVR clip bounds
 * {@code start}/{@code end} as epoch milliseconds, epoch seconds or ISO-8601 instants.
 */
public record ViewerQuery(Optional<String> token, Optional<String> start, Optional<String> end) {
  public static final ViewerQuery NONE = new ViewerQuery(Optional.empty(), Optional.empty(), Optional.empty());

  public OptionalLong startMs() {
    return instant("start", start);
  }

  public OptionalLong endMs() {
    return instant("end", end);
  }

  private static OptionalLong instant(String name, Optional<String> value) {
    if (value.isEmpty() || value.get().isBlank()) {
      return OptionalLong.empty();
    }
    String v = value.get().strip();
    if (v.matches("\\d{1,15}")) {
      long n = Long.parseLong(v);
      return OptionalLong.of(n < 100_000_000_000L ? n * 1000 : n);
    }
    try {
      return OptionalLong.of(Instant.parse(v).toEpochMilli());
    } catch (DateTimeParseException e) {
      throw new ViewerRequestException(400, name, v, "expected epoch seconds, epoch milliseconds or an ISO-8601 instant");
    }
  }
}
