package io.tributary.ingest.flv;

/** A media tag body that cannot be what its header claims (too short, impossible field). */
public class FlvFormatException extends RuntimeException {
  public FlvFormatException(String message) {
    super(message);
  }
}
