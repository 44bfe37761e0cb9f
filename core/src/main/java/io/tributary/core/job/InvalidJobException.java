package io.tributary.core.job;

/** A job message that can never be processed (malformed JSON, wrong version, invalid field). */
public class InvalidJobException extends RuntimeException {
  public InvalidJobException(String message, Throwable cause) {
    super(message, cause);
  }
}
