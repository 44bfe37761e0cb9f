package io.tributary.playlist.bench;

import io.tributary.core.id.SessionId;
import io.tributary.core.id.StreamId;
import io.tributary.core.resources.ResourceNames;
import io.tributary.core.resources.SessionsTable;
import io.tributary.core.resources.StreamsTable;
import io.tributary.playlist.plan.IndexedSegment;
import io.tributary.playlist.plan.Track;
import io.tributary.playlist.store.SegmentItems;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** A live stream's records (stream, session, {@code n} fresh segment items) without media files. */
public final class SyntheticStream {
  private SyntheticStream() {}

  public static String write(DynamoDbClient dynamo, ResourceNames names, int n) {
    String id = StreamId.random().value();
    long started = System.currentTimeMillis() - n * 2000L + 2000; // fresh for 8 s, not 6 (stale guard)
    String session = SessionId.startingAt(Instant.ofEpochMilli(started)).value();
    dynamo.putItem(b -> b.tableName(names.streamsTable()).item(Map.of(
        StreamsTable.STREAM_ID, AttributeValue.fromS(id), StreamsTable.SEGMENT_DURATION_MS, AttributeValue.fromN("2000"))));
    dynamo.putItem(b -> b.tableName(names.sessionsTable()).item(Map.of(
        SessionsTable.STREAM_ID, AttributeValue.fromS(id), SessionsTable.SESSION_ID, AttributeValue.fromS(session),
        SessionsTable.FIRST_SEQ, AttributeValue.fromN("0"),
        SessionsTable.STARTED_AT, AttributeValue.fromN(Long.toString(started)))));
    for (int i = 0; i < n; i++) {
      IndexedSegment s = new IndexedSegment(i, session, false, i == 0, false, 2000, i * 2000L, started + i * 2000L, 2000,
          Map.of("source", new Track(400_000, 0, "avc1.640028", 1280, 720, 30, 90_000, i * 180_000L, 180_000)),
          Optional.of(new Track(32_000, 0, "mp4a.40.2", 0, 0, 0, 48_000, i * 96_000L, 96_000)));
      dynamo.putItem(b -> b.tableName(names.segmentsTable()).item(SegmentItems.toItem(id, s)));
    }
    return id;
  }
}
