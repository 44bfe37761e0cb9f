package io.tributary.playlist.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tributary.core.resources.SegmentsTable;
import io.tributary.playlist.plan.IndexedSegment;
import io.tributary.playlist.plan.Track;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class SegmentItemsTest {
  private static IndexedSegment segment(OptionalLong ordinal) {
    return new IndexedSegment(7, "20251125T194640Z-aaaaaaaa", false, false, false, 2000, 14_000, 1_764_100_014_000L,
        2000, Map.of("360p", new Track(1000, 0, "avc1.4d401e", 640, 360, 30, 90_000, 1_260_000, 180_000)),
        Optional.empty(), ordinal);
  }

  @Test
  void theSessionOrdinalRoundTrips() {
    IndexedSegment s = segment(OptionalLong.of(4));
    Map<String, AttributeValue> item = SegmentItems.toItem("st_abcdefghijklmnopqrst", s);
    assertEquals("4", item.get(SegmentsTable.SESSION_ORDINAL).n());
    assertEquals(s, SegmentItems.fromItem("segments", item));
  }

  @Test
  void itemsWrittenBeforeTheOrdinalStillRead() {
    Map<String, AttributeValue> item = new HashMap<>(SegmentItems.toItem("st_abcdefghijklmnopqrst",
        segment(OptionalLong.of(4))));
    item.remove(SegmentsTable.SESSION_ORDINAL);
    assertEquals(segment(OptionalLong.empty()), SegmentItems.fromItem("segments", item));
  }
}
