package io.tributary.local.launcher;

/** A start-up problem the user can act on; the launcher prints its message as one line and exits 1. */
final class LaunchException extends RuntimeException {
  LaunchException(String message) {
    super(message);
  }

  LaunchException(String message, Throwable cause) {
    super(message, cause);
  }
}
