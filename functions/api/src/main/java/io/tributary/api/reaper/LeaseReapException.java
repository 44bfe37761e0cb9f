package io.tributary.api.reaper;

import java.util.List;

/** DynamoDB refused some of a reap's reads or writes; names the task and the streams left to retry. */
public final class LeaseReapException extends RuntimeException {
  private final String taskId;
  private final List<String> streams;

  public LeaseReapException(String taskId, List<String> streams, String message, Throwable cause) {
    super("reaping task " + taskId + " (streams " + streams + "): " + message, cause);
    this.taskId = taskId;
    this.streams = List.copyOf(streams);
  }

  public String taskId() {
    return taskId;
  }

  public List<String> streams() {
    return streams;
  }
}
