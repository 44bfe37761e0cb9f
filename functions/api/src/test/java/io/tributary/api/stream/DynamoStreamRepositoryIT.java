package io.tributary.api.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.api.IngestRows;
import io.tributary.core.id.SessionId;
import io.tributary.core.id.StreamId;
import io.tributary.local.aws.LocalAws;
import io.tributary.local.aws.LocalAwsExtension;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The streams repository against the local DynamoDB: mapping, conditions, tenancy, paging. */
@ExtendWith(LocalAwsExtension.class)
class DynamoStreamRepositoryIT {
  private static final StreamSettings S = new StreamSettings("cam", 3000, "low-latency", true, 120, true);

  private static DynamoStreamRepository repo(LocalAws aws) {
    return new DynamoStreamRepository(aws.clients().dynamo(), aws.names());
  }

  private static String tenant() {
    return "t" + System.nanoTime();
  }

  @Test
  void roundTripsAndCreateIsConditional(LocalAws aws) {
    var repo = repo(aws);
    String t = tenant();
    StreamRecord r = StreamRecord.created(StreamId.random(), t, S, 1_764_000_000_000L);
    assertTrue(repo.create(r));
    assertFalse(repo.create(StreamRecord.created(r.id(), "someone-else", S, 1)), "an existing id is never overwritten");
    assertEquals(Optional.of(r), repo.find(t, r.id()));
    assertEquals(Optional.empty(), repo.find("someone-else", r.id()));
  }

  @Test
  void updateAndDeleteAreTenantScopedAndDeleteIsOnce(LocalAws aws) {
    var repo = repo(aws);
    String t = tenant();
    StreamRecord r = StreamRecord.created(StreamId.random(), t, S, 1000);
    repo.create(r);
    StreamSettings changed = new StreamSettings("renamed", 2000, "default", false, 0, false);
    assertEquals(Optional.empty(), repo.update("intruder", r.id(), changed, 2000));
    assertEquals(changed, repo.update(t, r.id(), changed, 2000).orElseThrow().settings());
    assertEquals(2000, repo.find(t, r.id()).orElseThrow().updatedAt());
    assertFalse(repo.markDeleted("intruder", r.id(), 3000));
    assertTrue(repo.markDeleted(t, r.id(), 3000));
    assertFalse(repo.markDeleted(t, r.id(), 4000), "deleting twice is a 404, not a second delete");
    assertEquals(Optional.empty(), repo.find(t, r.id()));
    assertEquals(Optional.empty(), repo.update(t, r.id(), changed, 5000), "a deleted stream is not updated");
  }

  @Test
  void endLiveSessionOnlyForTheSessionHoldingTheLease(LocalAws aws) {
    var repo = repo(aws);
    String t = tenant();
    StreamRecord r = StreamRecord.created(StreamId.random(), t, S, 1000);
    repo.create(r);
    String sid = SessionId.startingAt(Instant.now()).value();
    IngestRows.goLive(aws, r.id().value(), sid, null, System.currentTimeMillis());
    assertEquals(LiveState.LIVE, repo.find(t, r.id()).orElseThrow().liveState(System.currentTimeMillis()));
    assertFalse(repo.endLiveSession(r.id(), SessionId.startingAt(Instant.now()).value(), 5));
    assertTrue(repo.endLiveSession(r.id(), sid, 5));
    StreamRecord after = repo.find(t, r.id()).orElseThrow();
    assertEquals(Optional.empty(), after.liveSessionId());
    assertEquals(LiveState.ENDED, after.liveState(System.currentTimeMillis()));
    assertEquals(Optional.of(sid), after.lastSessionId());
    assertFalse(repo.endLiveSession(r.id(), sid, 6), "a second clear finds no lease");
  }

  @Test
  void pagingBoundariesNewestFirstSkippingDeleted(LocalAws aws) {
    var repo = repo(aws);
    String t = tenant();
    List<StreamId> newestFirst = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      StreamRecord r = StreamRecord.created(StreamId.random(), t, S, 1_000_000L + i);
      repo.create(r);
      newestFirst.add(0, r.id());
    }
    // delete the 2nd and 5th newest: pages must still fill up to the limit around them
    repo.markDeleted(t, newestFirst.get(1), 1);
    repo.markDeleted(t, newestFirst.get(4), 1);
    List<StreamId> live = new ArrayList<>(newestFirst);
    live.remove(4);
    live.remove(1);

    for (int limit : new int[] {1, 2, 4, 5, 6}) {
      List<StreamId> seen = new ArrayList<>();
      Optional<PageCursor> cursor = Optional.empty();
      int pages = 0;
      do {
        StreamPage page = repo.list(t, limit, cursor);
        assertTrue(page.items().size() <= limit);
        page.items().forEach(x -> seen.add(x.id()));
        cursor = page.next();
        pages++;
      } while (cursor.isPresent() && pages < 20);
      assertEquals(live, seen, "limit " + limit);
    }
    StreamPage all = repo.list(t, 100, Optional.empty());
    assertEquals(5, all.items().size());
    assertEquals(Optional.empty(), all.next(), "a page that exhausts the index has no cursor");
    assertEquals(0, repo.list("nobody-" + System.nanoTime(), 10, Optional.empty()).items().size());
  }

  @Test
  void healthMapFromIngestIsReadAsPlainValues(LocalAws aws) {
    var repo = repo(aws);
    String t = tenant();
    StreamRecord r = StreamRecord.created(StreamId.random(), t, S, 1000);
    repo.create(r);
    IngestRows.goLive(aws, r.id().value(), SessionId.startingAt(Instant.now()).value(), null, System.currentTimeMillis());
    Map<String, Object> health = repo.find(t, r.id()).orElseThrow().health();
    assertEquals(4500L, health.get("bitrateKbps"));
    assertEquals(29.97, health.get("fps"));
    assertEquals("avc1.640028", health.get("videoCodec"));
    assertEquals(List.of("keyframe interval 4s > segment 2s"), health.get("warnings"));
  }
}
