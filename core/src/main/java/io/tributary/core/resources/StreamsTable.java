package io.tributary.core.resources;

/**
 * One item per stream, keyed by {@link #STREAM_ID}. Written by the API (configuration) and by
 * ingest (live state, lease, seq counter, health); read by everyone.
 */
public final class StreamsTable {
  public static final String STREAM_ID = "streamId";
  public static final String TENANT_ID = "tenantId";
  public static final String NAME = "name";
  /** N: configured segment (chunk) duration, 1000..6000 ms. */
  public static final String SEGMENT_DURATION_MS = "segmentDurationMs";
  /** S: ladder preset name, see {@code Ladder.presetNames()}. */
  public static final String LADDER = "ladder";
  /** BOOL: playback needs a signed token. */
  public static final String PRIVATE = "private";
  /** N: seconds of DVR history kept listable. */
  public static final String DVR_WINDOW_S = "dvrWindowS";
  /** BOOL: keep sessions as VOD after they end. */
  public static final String RECORDING = "recording";
  /** N: epoch ms. */
  public static final String CREATED_AT = "createdAt";
  public static final String UPDATED_AT = "updatedAt";
  /** S: IDLE, LIVE, ENDED. */
  public static final String STATE = "state";
  /** S: session id of the live publish, absent when none. */
  public static final String LIVE_SESSION_ID = "liveSessionId";
  /** S: ingest task holding the publish lease. */
  public static final String LIVE_TASK_ID = "liveTaskId";
  /** N: epoch ms until which the lease holder owns the stream; renewed by heartbeat. */
  public static final String LEASE_UNTIL = "leaseUntil";
  /** N: next segment number, taken with an atomic ADD so seq continues across sessions and tasks. */
  public static final String NEXT_SEQ = "nextSeq";
  /** M: latest ingest health sample (bitrate, fps, resolution, codecs, warnings). */
  public static final String HEALTH = "health";
  /** N: epoch ms of the health sample. */
  public static final String HEALTH_AT = "healthAt";
  /** S: last session id, for "latest recording" without a query. */
  public static final String LAST_SESSION_ID = "lastSessionId";
  /** N: epoch ms the stream was deleted; media is removed by a background sweep. */
  public static final String DELETED_AT = "deletedAt";
  public static final String BY_TENANT = "byTenant";
  /**
   * Sparse GSI keyed by {@link #LIVE_TASK_ID}: only streams whose lease some ingest task holds are
   * in it, so the lease reaper finds a stopped task's streams with one Query instead of a Scan.
   * Ingest removes the attribute when it releases the lease, which takes the item out again.
   */
  public static final String BY_LEASE_TASK = "byLeaseTask";

  private StreamsTable() {}
}
