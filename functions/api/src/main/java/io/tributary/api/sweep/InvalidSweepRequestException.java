package io.tributary.api.sweep;

/** A sweep queue message that is not a {@link SweepRequest}; carries the offending text. */
public final class InvalidSweepRequestException extends RuntimeException {
  public InvalidSweepRequestException(String message, Throwable cause) {
    super(message, cause);
  }
}
