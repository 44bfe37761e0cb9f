package io.tributary.ingest.streams;

/** DynamoDB could not answer (network, throttling, emulator down): the caller may retry. */
public class StreamStoreException extends RuntimeException {
  public StreamStoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
