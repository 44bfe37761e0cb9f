package io.tributary.playlist.store;

import static io.tributary.core.resources.SegmentsTable.AUDIO;
import static io.tributary.core.resources.SegmentsTable.CAPTURED_AT;
import static io.tributary.core.resources.SegmentsTable.DISCONTINUITY;
import static io.tributary.core.resources.SegmentsTable.DURATION;
import static io.tributary.core.resources.SegmentsTable.LAST;
import static io.tributary.core.resources.SegmentsTable.RENDITIONS;
import static io.tributary.core.resources.SegmentsTable.R_BANDWIDTH;
import static io.tributary.core.resources.SegmentsTable.R_CODECS;
import static io.tributary.core.resources.SegmentsTable.R_DECODE_TIME;
import static io.tributary.core.resources.SegmentsTable.R_DURATION_TS;
import static io.tributary.core.resources.SegmentsTable.R_FRAME_RATE;
import static io.tributary.core.resources.SegmentsTable.R_HEIGHT;
import static io.tributary.core.resources.SegmentsTable.R_SIZE;
import static io.tributary.core.resources.SegmentsTable.R_TIMESCALE;
import static io.tributary.core.resources.SegmentsTable.R_WIDTH;
import static io.tributary.core.resources.SegmentsTable.SEQ;
import static io.tributary.core.resources.SegmentsTable.SESSION_ID;
import static io.tributary.core.resources.SegmentsTable.SESSION_ORDINAL;
import static io.tributary.core.resources.SegmentsTable.START_MS;
import static io.tributary.core.resources.SegmentsTable.STATUS;
import static io.tributary.core.resources.SegmentsTable.STATUS_GAP;
import static io.tributary.core.resources.SegmentsTable.STREAM_ID;
import static io.tributary.core.resources.SegmentsTable.TARGET_DURATION_MS;

import io.tributary.playlist.plan.IndexedSegment;
import io.tributary.playlist.plan.Track;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The one item↔record mapping pair of the segment index (core {@code SegmentsTable}). The
 * transcoder owns writing; {@link #toItem} exists so tests write items exactly as it will.
 */
public final class SegmentItems {
  private SegmentItems() {}

  public static IndexedSegment fromItem(String table, Map<String, AttributeValue> item) {
    String key = String.valueOf(item.get(STREAM_ID)) + "/" + item.get(SEQ);
    ItemReader r = new ItemReader(table, key, item);
    boolean gap = STATUS_GAP.equals(r.optionalString(STATUS).orElse("OK"));
    Map<String, Track> renditions = new LinkedHashMap<>();
    Optional<Map<String, AttributeValue>> rm = r.map(RENDITIONS);
    if (rm.isPresent()) {
      for (var e : rm.get().entrySet()) {
        if (!e.getValue().hasM()) {
          throw new IndexReadException(table, key, RENDITIONS + "." + e.getKey(), "is not a map");
        }
        renditions.put(e.getKey(), track(r.nested(RENDITIONS + "." + e.getKey(), e.getValue().m())));
      }
    }
    Optional<Track> audio = r.map(AUDIO).map(m -> track(r.nested(AUDIO, m)));
    long durationMs = r.decimal(DURATION).movePointRight(3).setScale(0, RoundingMode.HALF_UP).longValueExact();
    try {
      return new IndexedSegment(r.number(SEQ), r.string(SESSION_ID), gap, r.bool(DISCONTINUITY), r.bool(LAST),
          durationMs, r.number(START_MS, 0), r.number(CAPTURED_AT), (int) r.number(TARGET_DURATION_MS, 2000),
          gap ? Map.of() : renditions, gap ? Optional.empty() : audio,
          item.containsKey(SESSION_ORDINAL) ? OptionalLong.of(r.number(SESSION_ORDINAL)) : OptionalLong.empty());
    } catch (IllegalArgumentException e) {
      throw new IndexReadException(table, key, "*", e.getMessage());
    }
  }

  private static Track track(ItemReader r) {
    try {
      return new Track(r.number(R_SIZE, 0), r.number(R_BANDWIDTH, 0), r.string(R_CODECS), (int) r.number(R_WIDTH, 0),
          (int) r.number(R_HEIGHT, 0), r.real(R_FRAME_RATE, 0), r.number(R_TIMESCALE), r.number(R_DECODE_TIME),
          r.number(R_DURATION_TS));
    } catch (IllegalArgumentException e) {
      throw new IndexReadException("segments", "track", "*", e.getMessage());
    }
  }

  /** The item the transcoder writes for a segment (used by tests and the local demo feed). */
  public static Map<String, AttributeValue> toItem(String streamId, IndexedSegment s) {
    Map<String, AttributeValue> item = new HashMap<>();
    item.put(STREAM_ID, AttributeValue.fromS(streamId));
    item.put(SEQ, n(s.seq()));
    item.put(SESSION_ID, AttributeValue.fromS(s.sessionId()));
    item.put(STATUS, AttributeValue.fromS(s.gap() ? STATUS_GAP : "OK"));
    item.put(DISCONTINUITY, AttributeValue.fromBool(s.discontinuity()));
    item.put(LAST, AttributeValue.fromBool(s.last()));
    item.put(DURATION, AttributeValue.fromN(java.math.BigDecimal.valueOf(s.durationMs(), 3).toPlainString()));
    item.put(START_MS, n(s.startMs()));
    item.put(CAPTURED_AT, n(s.capturedAtMs()));
    item.put(TARGET_DURATION_MS, n(s.targetDurationMs()));
    s.sessionOrdinal().ifPresent(o -> item.put(SESSION_ORDINAL, n(o)));
    Map<String, AttributeValue> rs = new HashMap<>();
    s.renditions().forEach((name, t) -> rs.put(name, AttributeValue.fromM(trackItem(t))));
    item.put(RENDITIONS, AttributeValue.fromM(rs));
    s.audio().ifPresent(a -> item.put(AUDIO, AttributeValue.fromM(trackItem(a))));
    return item;
  }

  private static Map<String, AttributeValue> trackItem(Track t) {
    Map<String, AttributeValue> m = new HashMap<>();
    m.put(R_SIZE, n(t.size()));
    m.put(R_BANDWIDTH, n(t.bandwidth()));
    m.put(R_CODECS, AttributeValue.fromS(t.codecs()));
    m.put(R_WIDTH, n(t.width()));
    m.put(R_HEIGHT, n(t.height()));
    m.put(R_FRAME_RATE, AttributeValue.fromN(java.math.BigDecimal.valueOf(t.frameRate()).stripTrailingZeros().toPlainString()));
    m.put(R_TIMESCALE, n(t.timescale()));
    m.put(R_DECODE_TIME, n(t.decodeTime()));
    m.put(R_DURATION_TS, n(t.durationTs()));
    return m;
  }

  private static AttributeValue n(long v) {
    return AttributeValue.fromN(Long.toString(v));
  }
}
