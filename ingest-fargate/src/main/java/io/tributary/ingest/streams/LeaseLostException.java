package io.tributary.ingest.streams;

/** This session no longer holds the stream's lease (it expired and another publisher took it). */
public class LeaseLostException extends RuntimeException {
  public LeaseLostException(String streamId, String sessionId) {
    super("session " + sessionId + " no longer holds the publish lease of stream " + streamId);
  }
}
