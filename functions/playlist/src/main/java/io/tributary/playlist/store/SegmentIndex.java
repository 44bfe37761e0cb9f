package io.tributary.playlist.store;

import io.tributary.playlist.plan.IndexedSegment;
import java.util.List;

/** The segment index, read with exactly one Query per call (continued only past 1 MB pages). */
public interface SegmentIndex {
  /** The newest {@code limit} segments of a stream, ascending by seq. */
  List<IndexedSegment> newest(String streamId, int limit);

  /** Segments with seq in [fromSeq, toSeq], ascending, at most {@code limit}. */
  List<IndexedSegment> range(String streamId, long fromSeq, long toSeq, int limit);
}
