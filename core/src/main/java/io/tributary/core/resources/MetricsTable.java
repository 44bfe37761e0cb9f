package io.tributary.core.resources;

/** Ingest health samples over time, (streamId, ts), expiring by TTL. */
public final class MetricsTable {
  public static final String STREAM_ID = "streamId";
  /** N: epoch ms of the sample. */
  public static final String TS = "ts";
  /** N: epoch seconds. */
  public static final String EXPIRES_AT = "expiresAt";
  public static final String BITRATE_KBPS = "bitrateKbps";
  public static final String FPS = "fps";
  public static final String WIDTH = "width";
  public static final String HEIGHT = "height";
  public static final String VIDEO_CODEC = "videoCodec";
  public static final String AUDIO_CODEC = "audioCodec";
  public static final String KEYFRAME_INTERVAL_MS = "keyframeIntervalMs";
  public static final String AV_DRIFT_MS = "avDriftMs";
  /** L of S. */
  public static final String WARNINGS = "warnings";

  private MetricsTable() {}
}
