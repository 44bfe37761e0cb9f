package io.tributary.api.idempotency;

/**
 * One Idempotency-Key of one tenant. While {@code status} is 0 the create is in flight and
 * {@code body} holds the id reserved for the resource, so a retry after a crash creates the same
 * resource instead of a second one; once completed, {@code body} is the response to replay.
 */
public record IdempotencyRecord(String id, String requestHash, int status, String body, long expiresAt) {
  public boolean completed() {
    return status > 0;
  }
}
