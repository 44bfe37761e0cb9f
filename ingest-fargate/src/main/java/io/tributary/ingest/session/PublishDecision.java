package io.tributary.ingest.session;

/** The policy's answer to a {@link PublishRequest}; the session turns it into onStatus replies. */
public sealed interface PublishDecision
    permits PublishDecision.Accepted, PublishDecision.Unauthorized, PublishDecision.Busy, PublishDecision.Unavailable {

  /** The key is valid and this connection now holds the stream's lease. */
  record Accepted(String streamId, String sessionId) implements PublishDecision {}

  /** Unknown, revoked or deleted key (no detail: the peer learns nothing about which). */
  record Unauthorized() implements PublishDecision {}

  /** The stream already has a live publisher whose lease has not expired. */
  record Busy() implements PublishDecision {}

  /** The stream store could not be reached: the encoder should retry later. */
  record Unavailable() implements PublishDecision {}
}
