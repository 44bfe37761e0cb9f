package io.tributary.playlist.media;

import io.tributary.core.resources.MediaKeys;
import io.tributary.core.resources.ResourceNames;
import io.tributary.core.resources.SessionsTable;
import io.tributary.core.resources.StreamsTable;
import io.tributary.playlist.plan.IndexedSegment;
import io.tributary.playlist.plan.Track;
import io.tributary.playlist.store.SegmentItems;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Publishes the {@link CmafFixture} as a stream the way ingest, the API and the transcoder leave
 * it: a stream item, a session item, and per seq the S3 objects first, then the index item.
 */
public final class LiveFeed {
  private final S3Client s3;
  private final DynamoDbClient dynamo;
  private final ResourceNames names;
  private final String streamId;
  private final String sessionId;
  private final long startedAtMs;

  public LiveFeed(S3Client s3, DynamoDbClient dynamo, ResourceNames names, String streamId, String sessionId,
                  long startedAtMs) {
    this.s3 = s3;
    this.dynamo = dynamo;
    this.names = names;
    this.streamId = streamId;
    this.sessionId = sessionId;
    this.startedAtMs = startedAtMs;
  }

  /** The stream record (as the API writes it) and the session record (as ingest writes it). */
  public void begin(boolean privateStream, int dvrWindowS) {
    dynamo.putItem(b -> b.tableName(names.streamsTable()).item(Map.of(
        StreamsTable.STREAM_ID, AttributeValue.fromS(streamId),
        StreamsTable.PRIVATE, AttributeValue.fromBool(privateStream),
        StreamsTable.DVR_WINDOW_S, AttributeValue.fromN(Integer.toString(dvrWindowS)),
        StreamsTable.SEGMENT_DURATION_MS, AttributeValue.fromN("2000"),
        StreamsTable.STATE, AttributeValue.fromS("LIVE"),
        StreamsTable.LIVE_SESSION_ID, AttributeValue.fromS(sessionId))));
    dynamo.putItem(b -> b.tableName(names.sessionsTable()).item(Map.of(
        SessionsTable.STREAM_ID, AttributeValue.fromS(streamId),
        SessionsTable.SESSION_ID, AttributeValue.fromS(sessionId),
        SessionsTable.STATE, AttributeValue.fromS("LIVE"),
        SessionsTable.STARTED_AT, AttributeValue.fromN(Long.toString(startedAtMs)),
        SessionsTable.FIRST_SEQ, AttributeValue.fromN("0"))));
  }

  /** Uploads segment {@code seq} of every rung (init with the first), then indexes it. */
  public void publish(int seq, boolean last) {
    Map<String, CmafFixture.Rung> rungs = CmafFixture.rungs();
    Map<String, Track> video = new LinkedHashMap<>();
    Optional<Track> audio = Optional.empty();
    for (CmafFixture.Rung r : rungs.values()) {
      if (seq == 0) {
        s3.putObject(b -> b.bucket(names.mediaBucket()).key(MediaKeys.init(streamId, r.name(), sessionId)),
            RequestBody.fromBytes(r.init()));
      }
      s3.putObject(b -> b.bucket(names.mediaBucket()).key(MediaKeys.segment(streamId, r.name(), seq)),
          RequestBody.fromBytes(r.segments().get(seq)));
      if (r.name().equals(MediaKeys.AUDIO)) {
        audio = Optional.of(r.tracks().get(seq));
      } else {
        video.put(r.name(), r.tracks().get(seq));
      }
    }
    IndexedSegment s = new IndexedSegment(seq, sessionId, false, seq == 0, last, CmafFixture.SEGMENT_MS,
        seq * CmafFixture.SEGMENT_MS, startedAtMs + seq * CmafFixture.SEGMENT_MS, 2000, video, audio);
    dynamo.putItem(b -> b.tableName(names.segmentsTable()).item(SegmentItems.toItem(streamId, s)));
  }

  /** Indexes {@code seq} as failed for good (STATUS=GAP), as the transcoder does: no media uploaded. */
  public void publishGap(int seq) {
    IndexedSegment s = new IndexedSegment(seq, sessionId, true, seq == 0, false, CmafFixture.SEGMENT_MS,
        seq * CmafFixture.SEGMENT_MS, startedAtMs + seq * CmafFixture.SEGMENT_MS, 2000, Map.of(), Optional.empty());
    dynamo.putItem(b -> b.tableName(names.segmentsTable()).item(SegmentItems.toItem(streamId, s)));
  }
}
