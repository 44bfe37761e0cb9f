package io.tributary.core.resources;

/** One item per publish session: (streamId, sessionId), sessions sort by start time. */
public final class SessionsTable {
  public static final String STREAM_ID = "streamId";
  public static final String SESSION_ID = "sessionId";
  /** S: LIVE or ENDED. */
  public static final String STATE = "state";
  public static final String STARTED_AT = "startedAt";
  public static final String ENDED_AT = "endedAt";
  /** S: why it ended: unpublish, disconnect, idle, drain, lease-lost, revoked, overflow; task-stopped (lease reaper). */
  public static final String END_REASON = "endReason";
  public static final String TASK_ID = "taskId";
  public static final String KEY_ID = "keyId";
  /** N: seq of the session's first chunk. */
  public static final String FIRST_SEQ = "firstSeq";
  /** N: seq of the session's last chunk, written when it ends. */
  public static final String LAST_SEQ = "lastSeq";
  /** S: "TRUE" when the session is kept as a recording (VOD). */
  public static final String RECORDING = "recording";
  /** N: epoch seconds; DynamoDB TTL removes unrecorded sessions. */
  public static final String EXPIRES_AT = "expiresAt";

  private SessionsTable() {}
}
