package io.tributary.api.stream;

import io.tributary.api.problem.ApiProblem;
import io.tributary.core.id.StreamId;

/** Path ids checked at the boundary: a malformed id is 404 (it cannot name any stream). */
public final class StreamIds {
  private StreamIds() {}

  public static StreamId parse(String raw) {
    if (!StreamId.isValid(raw)) {
      throw new ApiProblem(404, "Not Found", "id", "st_ followed by 20 base32 characters",
          "no stream has the id " + (raw.length() > 40 ? raw.substring(0, 40) + "..." : raw));
    }
    return new StreamId(raw);
  }
}
