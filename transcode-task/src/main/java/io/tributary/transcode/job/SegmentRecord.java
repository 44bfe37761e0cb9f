package io.tributary.transcode.job;

import io.tributary.core.job.TranscodeJob;
import io.tributary.core.resources.SegmentsTable;
import io.tributary.transcode.media.TrackOutput;
import io.tributary.transcode.media.TranscodeResult;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The one item of the segment index for a seq (core {@link SegmentsTable}), as the playlist
 * service reads it. OK items carry every rendition; GAP items only the identity and timing the
 * job announced, so a playlist can still place an EXT-X-GAP of the right length.
 */
public final class SegmentRecord {
  private SegmentRecord() {}

  public static Map<String, AttributeValue> ok(TranscodeJob job, TranscodeResult result) {
    Map<String, AttributeValue> item = common(job, SegmentsTable.STATUS_OK);
    item.put(SegmentsTable.DURATION, num(seconds(result.durationSeconds())));
    Map<String, AttributeValue> renditions = new LinkedHashMap<>();
    for (TrackOutput t : result.video()) {
      renditions.put(t.name(), AttributeValue.fromM(track(t)));
    }
    item.put(SegmentsTable.RENDITIONS, AttributeValue.fromM(renditions));
    result.audio().ifPresent(a -> item.put(SegmentsTable.AUDIO, AttributeValue.fromM(track(a))));
    return item;
  }

  public static Map<String, AttributeValue> gap(TranscodeJob job) {
    Map<String, AttributeValue> item = common(job, SegmentsTable.STATUS_GAP);
    item.put(SegmentsTable.DURATION, num(seconds(job.durationMs() / 1000.0)));
    item.put(SegmentsTable.RENDITIONS, AttributeValue.fromM(Map.of()));
    return item;
  }

  private static Map<String, AttributeValue> common(TranscodeJob job, String status) {
    Map<String, AttributeValue> item = new HashMap<>();
    item.put(SegmentsTable.STREAM_ID, AttributeValue.fromS(job.streamId()));
    item.put(SegmentsTable.SEQ, num(Long.toString(job.seq())));
    item.put(SegmentsTable.SESSION_ID, AttributeValue.fromS(job.sessionId()));
    item.put(SegmentsTable.STATUS, AttributeValue.fromS(status));
    item.put(SegmentsTable.DISCONTINUITY, AttributeValue.fromBool(job.discontinuity()));
    item.put(SegmentsTable.LAST, AttributeValue.fromBool(job.last()));
    item.put(SegmentsTable.START_MS, num(Long.toString(job.startMs())));
    item.put(SegmentsTable.CAPTURED_AT, num(Long.toString(job.capturedAtMs())));
    item.put(SegmentsTable.TARGET_DURATION_MS, num(Integer.toString(job.targetDurationMs())));
    return item;
  }

  private static Map<String, AttributeValue> track(TrackOutput t) {
    Map<String, AttributeValue> m = new LinkedHashMap<>();
    m.put(SegmentsTable.R_SIZE, num(Integer.toString(t.media().size())));
    m.put(SegmentsTable.R_BANDWIDTH, num(Long.toString(t.bandwidth())));
    m.put(SegmentsTable.R_CODECS, AttributeValue.fromS(t.track().codecs()));
    m.put(SegmentsTable.R_TIMESCALE, num(Long.toString(t.track().timescale())));
    m.put(SegmentsTable.R_DECODE_TIME, num(Long.toString(t.segment().decodeTime())));
    m.put(SegmentsTable.R_DURATION_TS, num(Long.toString(t.segment().durationTs())));
    if (t.track().isVideo()) {
      m.put(SegmentsTable.R_WIDTH, num(Integer.toString(t.track().width())));
      m.put(SegmentsTable.R_HEIGHT, num(Integer.toString(t.track().height())));
      m.put(SegmentsTable.R_FRAME_RATE, num(BigDecimal.valueOf(t.frameRate()).stripTrailingZeros().toPlainString()));
    }
    return m;
  }

  /** Seconds to the microsecond: exact for 90 kHz and every audio rate in practice, and a stable decimal. */
  static String seconds(double s) {
    return BigDecimal.valueOf(s).setScale(6, RoundingMode.HALF_EVEN).stripTrailingZeros().toPlainString();
  }

  private static AttributeValue num(String n) {
    return AttributeValue.fromN(n);
  }
}
