package io.tributary.core.resources;

/**
 * The segment index: one item per (streamId, seq) holding every rendition of that segment, so a
 * manifest is one Query and "present in every rendition" is one item. Written once per seq by a
 * conditional put (attribute_not_exists), so a job done twice leaves one record.
 */
public final class SegmentsTable {
  public static final String STREAM_ID = "streamId";
  public static final String SEQ = "seq";
  public static final String SESSION_ID = "sessionId";
  /** S: OK, or GAP for a segment that failed for good (EXT-X-GAP). */
  public static final String STATUS = "status";
  public static final String STATUS_OK = "OK";
  /**
   * Written by the transcode worker on a job's last allowed receive before the DLQ. A GAP may later
   * become OK (the job redriven from the DLQ succeeds); an OK record is never replaced.
   */
  public static final String STATUS_GAP = "GAP";
  /**
   * N: 1-based ordinal of the segment's session among the stream's sessions, written by the
   * transcoder from the nearest earlier segment item (same session: the same ordinal; an earlier
   * session: one more). EXT-X-DISCONTINUITY-SEQUENCE is the ordinal of the first listed segment, so
   * it does not depend on session records, which expire. Absent on items written before it existed.
   */
  public static final String SESSION_ORDINAL = "sessionOrdinal";
  /** BOOL: first segment of a session. */
  public static final String DISCONTINUITY = "discontinuity";
  /** BOOL: last segment of a session (EXT-X-ENDLIST once listed). */
  public static final String LAST = "last";
  /** N: exact duration in seconds as a decimal, from the output. */
  public static final String DURATION = "duration";
  /** N: start on the session timeline, milliseconds (the chunk's startMs). */
  public static final String START_MS = "startMs";
  /** N: wall-clock epoch ms the first frame was captured (EXT-X-PROGRAM-DATE-TIME). */
  public static final String CAPTURED_AT = "capturedAt";
  /** N: configured target duration of the stream, ms. */
  public static final String TARGET_DURATION_MS = "targetDurationMs";
  /** M: rendition name -> M of the rendition attributes below. */
  public static final String RENDITIONS = "renditions";
  /** M: the audio track's attributes (same keys), absent for video-only. */
  public static final String AUDIO = "audio";
  /** N: epoch seconds; DynamoDB TTL by retention policy. */
  public static final String EXPIRES_AT = "expiresAt";

  // Keys inside a rendition map.
  public static final String R_SIZE = "size";
  public static final String R_BANDWIDTH = "bandwidth";
  public static final String R_CODECS = "codecs";
  public static final String R_WIDTH = "width";
  public static final String R_HEIGHT = "height";
  public static final String R_FRAME_RATE = "frameRate";
  /** N: media timescale of the track (90000 for video). */
  public static final String R_TIMESCALE = "timescale";
  /** N: tfdt baseMediaDecodeTime of the segment, in the track timescale. */
  public static final String R_DECODE_TIME = "decodeTime";
  /** N: segment duration in the track timescale (DASH SegmentTimeline d). */
  public static final String R_DURATION_TS = "durationTs";

  private SegmentsTable() {}
}
