package io.tributary.api.reaper;

/** An event that claims to be an ECS task state change but lacks what the reaper needs; carries the offending text. */
public final class InvalidTaskEventException extends RuntimeException {
  public InvalidTaskEventException(String message, Throwable cause) {
    super(message, cause);
  }
}
