package io.tributary.ingest.session;

import io.tributary.ingest.flv.StreamMetadata;
import io.tributary.ingest.message.RtmpMessage;

/** What the connection must do after the session consumed a message: the only outputs of {@link RtmpSession}. */
public sealed interface SessionAction
    permits SessionAction.Reply, SessionAction.Authorize, SessionAction.Metadata, SessionAction.EndPublish,
        SessionAction.Close {

  /** Write this message to the peer (the chunk encoder serialises it). */
  record Reply(RtmpMessage message) implements SessionAction {}

  /** Ask the policy whether this key may publish; feed the answer to {@link RtmpSession#onDecision}. */
  record Authorize(PublishRequest request) implements SessionAction {}

  /** The encoder announced stream metadata ({@code @setDataFrame onMetaData}). */
  record Metadata(StreamMetadata metadata) implements SessionAction {}

  /** The publisher stopped publishing (FCUnpublish, deleteStream, closeStream): end the live session. */
  record EndPublish(String reason) implements SessionAction {}

  /** Close the connection after writing what precedes this action. */
  record Close(String reason) implements SessionAction {}
}
