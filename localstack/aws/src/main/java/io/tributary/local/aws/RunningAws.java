package io.tributary.local.aws;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.opentest4j.TestAbortedException;

/**
 * What {@link LocalAwsExtension} keeps in the root store for the whole test JVM: a started local
 * AWS, or why there is none. A start failure is kept too, so every later test class fails at once
 * with the same message instead of retrying a slow start.
 */
final class RunningAws implements ExtensionContext.Store.CloseableResource, AutoCloseable {
  private final LocalAws aws;
  private final AutoCloseable stop;
  private final String abortReason;
  private final RuntimeException failure;
  private boolean closed;

  private RunningAws(LocalAws aws, AutoCloseable stop, String abortReason, RuntimeException failure) {
    this.aws = aws;
    this.stop = stop;
    this.abortReason = abortReason;
    this.failure = failure;
  }

  static RunningAws started(LocalAws aws, AutoCloseable stop) {
    return new RunningAws(aws, stop, null, null);
  }

  /** Reported as skipped, never passed: the environment cannot run these tests. */
  static RunningAws aborted(String reason) {
    return new RunningAws(null, null, reason, null);
  }

  static RunningAws failed(RuntimeException failure) {
    return new RunningAws(null, null, null, failure);
  }

  /** Why the tests cannot run here, or null. */
  String abortReason() {
    return abortReason;
  }

  /** The handle, or the abort/failure this JVM's start ended in. */
  LocalAws aws() {
    if (abortReason != null) {
      throw new TestAbortedException(abortReason);
    }
    if (failure != null) {
      throw failure;
    }
    return aws;
  }

  /** JUnit closes store values that are AutoCloseable; CloseableResource is kept for older JUnit 5. */
  @Override
  public synchronized void close() throws Exception {
    if (stop != null && !closed) {
      closed = true;
      stop.close();
    }
  }
}
