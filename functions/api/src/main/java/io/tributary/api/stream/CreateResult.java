package io.tributary.api.stream;

/**
 * Outcome of a create: the stream view for a fresh create, or the stored JSON body of the first
 * response when an Idempotency-Key is replayed (byte for byte what the first caller got).
 */
public sealed interface CreateResult {
  record Fresh(StreamView view) implements CreateResult {}

  record Replayed(int status, String json) implements CreateResult {}
}
