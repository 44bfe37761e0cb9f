package io.tributary.api.stream;

import io.tributary.api.problem.ApiProblem;
import io.tributary.core.id.StreamId;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Where a listing resumes: the last (createdAt, streamId) of a page on the byTenant index. Opaque
 * to clients (base64url); the tenant is never inside, it always comes from the caller's token, so
 * a cursor cannot open another tenant's listing.
 */
public record PageCursor(long createdAt, StreamId streamId) {
  private static final String VERSION = "v1";

  public String encode() {
    String raw = VERSION + "|" + createdAt + "|" + streamId.value();
    return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
  }

  public static PageCursor decode(String cursor) {
    try {
      if (cursor.length() > 200) {
        throw new IllegalArgumentException("too long");
      }
      String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
      String[] parts = raw.split("\\|", -1);
      if (parts.length != 3 || !parts[0].equals(VERSION)) {
        throw new IllegalArgumentException("not a v1 cursor");
      }
      return new PageCursor(Long.parseLong(parts[1]), new StreamId(parts[2]));
    } catch (IllegalArgumentException e) {
      throw ApiProblem.badRequest("cursor", "a cursor returned by a previous page", "cursor is malformed: "
          + e.getMessage());
    }
  }
}
