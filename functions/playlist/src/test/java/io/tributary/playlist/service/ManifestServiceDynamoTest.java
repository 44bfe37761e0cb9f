package io.tributary.playlist.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.playlist.plan.PlanSettings;
import io.tributary.core.id.StreamId;
import io.tributary.core.resources.SessionsTable;
import io.tributary.core.resources.StreamsTable;
import io.tributary.local.aws.LocalAws;
import io.tributary.local.aws.LocalAwsExtension;
import io.tributary.playlist.plan.GoldenCase;
import io.tributary.playlist.plan.IndexedSegment;
import io.tributary.playlist.plan.SessionInfo;
import io.tributary.playlist.store.CountingInterceptor;
import io.tributary.playlist.store.DynamoSegmentIndex;
import io.tributary.playlist.store.DynamoStreamCatalog;
import io.tributary.playlist.store.SegmentItems;
import io.tributary.playlist.store.TestDynamo;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The service over real DynamoDB (local emulator): golden cases written as index items render
 * exactly the golden manifests, and a warm manifest request costs exactly one DynamoDB Query.
 */
@ExtendWith(LocalAwsExtension.class)
class ManifestServiceDynamoTest {
  private static final PlaylistConfig CONFIG = new PlaylistConfig("127.0.0.1", 0, 6, 2000, Optional.empty(), true,
      86_400, false, PlanSettings.DEFAULT.cutOverrunMs(), false);

  private record Setup(ManifestService service, CountingInterceptor counter, AtomicLong clock, String streamId) {}

  private static Setup write(LocalAws aws, GoldenCase c) {
    CountingInterceptor counter = new CountingInterceptor();
    DynamoDbClient dynamo = TestDynamo.counting(aws, counter);
    String streamId = StreamId.random().value();
    var names = aws.names();
    var cfg = c.config();
    dynamo.putItem(b -> b.tableName(names.streamsTable()).item(Map.of(
        StreamsTable.STREAM_ID, AttributeValue.fromS(streamId),
        StreamsTable.PRIVATE, AttributeValue.fromBool(cfg.privateStream()),
        StreamsTable.DVR_WINDOW_S, AttributeValue.fromN(Integer.toString(cfg.dvrWindowS())),
        StreamsTable.SEGMENT_DURATION_MS, AttributeValue.fromN(Integer.toString(cfg.segmentDurationMs())))));
    for (SessionInfo s : c.sessions()) {
      dynamo.putItem(b -> b.tableName(names.sessionsTable()).item(Map.of(
          SessionsTable.STREAM_ID, AttributeValue.fromS(streamId),
          SessionsTable.SESSION_ID, AttributeValue.fromS(s.sessionId()),
          SessionsTable.FIRST_SEQ, AttributeValue.fromN(Long.toString(s.firstSeq())),
          SessionsTable.STARTED_AT, AttributeValue.fromN(Long.toString(s.startedAtMs())))));
    }
    for (IndexedSegment s : c.segments()) {
      dynamo.putItem(b -> b.tableName(names.segmentsTable()).item(SegmentItems.toItem(streamId, s)));
    }
    AtomicLong clock = new AtomicLong(c.request().nowMs());
    var catalog = new DynamoStreamCatalog(dynamo, names.streamsTable(), names.sessionsTable(), CONFIG.cacheTtlMs(),
        clock::get);
    var service = new ManifestService(CONFIG, new DynamoSegmentIndex(dynamo, names.segmentsTable()), catalog,
        Optional.empty(), clock::get, new PlaylistMetrics());
    counter.reset();
    return new Setup(service, counter, clock, streamId);
  }

  @Test
  void goldenCasesRenderIdenticallyFromDynamoItems(LocalAws aws) throws Exception {
    int compared = 0;
    for (String name : GoldenCase.names()) {
      GoldenCase c = GoldenCase.load(name);
      if (c.config().privateStream()) {
        continue; // its golden token is not signed with a real secret; PlaylistServerTest covers tokens
      }
      Setup s = write(aws, c);
      ViewerQuery q = new ViewerQuery(Optional.empty(),
          c.request().startMs().isPresent() ? Optional.of(Long.toString(c.request().startMs().getAsLong())) : Optional.empty(),
          c.request().endMs().isPresent() ? Optional.of(Long.toString(c.request().endMs().getAsLong())) : Optional.empty());
      String golden = Files.readString(GoldenCase.DIR.resolve(name).resolve("expected.m3u8"))
          .replace(c.request().streamId(), s.streamId());
      StringBuilder actual = new StringBuilder();
      List<String> files = new ArrayList<>();
      for (String line : golden.split("\n")) {
        if (line.startsWith("### ") && line.endsWith(".m3u8")) {
          files.add(line.substring(4));
        }
      }
      String cache = null;
      for (String f : files) {
        ManifestResponse r = c.request().sessionId().isPresent()
            ? s.service().vod(s.streamId(), c.request().sessionId().get(), f, q)
            : s.service().live(s.streamId(), f, q);
        assertEquals(200, r.status(), name + " " + f + ": " + r.body());
        assertEquals(ManifestResponse.HLS, r.contentType());
        actual.append("### ").append(f).append('\n').append(r.body());
        cache = r.cacheControl();
      }
      actual.append("### cache-control max-age=").append(cache.substring(cache.indexOf('=') + 1)).append('\n');
      assertEquals(golden, actual.toString(), name);
      ManifestResponse mpd = c.request().sessionId().isPresent()
          ? s.service().vod(s.streamId(), c.request().sessionId().get(), "manifest.mpd", q)
          : s.service().live(s.streamId(), "manifest.mpd", q);
      assertEquals(Files.readString(GoldenCase.DIR.resolve(name).resolve("expected.mpd"))
          .replace(c.request().streamId(), s.streamId()), mpd.body(), name + " MPD");
      assertEquals(ManifestResponse.DASH, mpd.contentType());
      compared++;
    }
    assertTrue(compared >= 8, "compared " + compared + " cases");
  }

  @Test
  void aWarmManifestRequestIsExactlyOneQuery(LocalAws aws) {
    Setup s = write(aws, GoldenCase.load("window-slide"));
    s.service().live(s.streamId(), "master.m3u8", ViewerQuery.NONE); // warms the stream cache
    s.counter().reset();
    for (String f : List.of("master.m3u8", "source.m3u8", "360p.m3u8", "audio.m3u8", "manifest.mpd")) {
      ManifestResponse r = s.service().live(s.streamId(), f, ViewerQuery.NONE);
      assertEquals(200, r.status(), f);
    }
    assertEquals(List.of("Query", "Query", "Query", "Query", "Query"), s.counter().operations(),
        "one DynamoDB request per manifest");
    // After the cache TTL: one GetItem + one sessions Query to refresh, then the index Query.
    s.clock().addAndGet(CONFIG.cacheTtlMs());
    s.counter().reset();
    s.service().live(s.streamId(), "source.m3u8", ViewerQuery.NONE);
    assertEquals(List.of("GetItem", "Query", "Query"), s.counter().operations());
  }

  /**
   * The reconnect case two days later with its session records expired (TTL): the unknown
   * session start is not re-read on every request, so each manifest is still one Query.
   */
  @Test
  void expiredSessionRecordsAreNotReReadOnEveryRequest(LocalAws aws) {
    GoldenCase c = GoldenCase.load("reconnect");
    GoldenCase expired = new GoldenCase(c.name(), c.request(), c.config(), List.of(), c.segments(), c.json());
    Setup s = write(aws, expired);
    s.clock().addAndGet(2L * 24 * 3600 * 1000);
    s.service().live(s.streamId(), "master.m3u8", ViewerQuery.NONE); // warms the stream cache
    s.counter().reset();
    for (String f : List.of("source.m3u8", "360p.m3u8", "manifest.mpd")) {
      assertEquals(200, s.service().live(s.streamId(), f, ViewerQuery.NONE).status(), f);
    }
    assertEquals(List.of("Query", "Query", "Query"), s.counter().operations());
  }

  @Test
  void unknownStreamSessionAndRenditionAre404WithOneSecondCache(LocalAws aws) {
    Setup s = write(aws, GoldenCase.load("end"));
    for (ManifestResponse r : List.of(
        s.service().live(StreamId.random().value(), "master.m3u8", ViewerQuery.NONE),
        s.service().live("not-a-stream", "master.m3u8", ViewerQuery.NONE),
        s.service().live(s.streamId(), "1080p.m3u8", ViewerQuery.NONE),
        s.service().live(s.streamId(), "../x.m3u8", ViewerQuery.NONE),
        s.service().vod(s.streamId(), "20990101T000000Z-zzzzzzzz", "master.m3u8", ViewerQuery.NONE))) {
      assertEquals(404, r.status(), r.body());
      assertEquals("public, max-age=1", r.cacheControl());
    }
    ManifestResponse bad = s.service().live(s.streamId(), "master.m3u8",
        new ViewerQuery(Optional.empty(), Optional.of("yesterday"), Optional.empty()));
    assertEquals(400, bad.status());
    assertTrue(bad.body().contains("start=yesterday"), bad.body());
  }
}
