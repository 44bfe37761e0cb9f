package io.tributary.ingest.server;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntConsumer;

/** The publishes of this process, by stream id; tells the scale-in protection when the count changes. */
final class LiveRegistry {
  private final Map<String, LivePublish> live = new ConcurrentHashMap<>();
  private final Map<String, CompletableFuture<Void>> ending = new ConcurrentHashMap<>();
  private final IntConsumer onCount;

  LiveRegistry(IntConsumer onCount) {
    this.onCount = onCount;
  }

  void started(String streamId, LivePublish p) {
    live.put(streamId, p);
    onCount.accept(live.size());
  }

  /** The publish stopped taking media; its uploads finish with {@code done}. */
  void ending(String streamId, LivePublish p, CompletableFuture<Void> done) {
    if (live.remove(streamId, p)) {
      ending.put(streamId, done);
      done.whenComplete((v, e) -> {
        ending.remove(streamId, done);
        onCount.accept(live.size() + ending.size());
      });
    }
  }

  CompletableFuture<Void> ending(String streamId) {
    return ending.get(streamId);
  }

  Collection<LivePublish> live() {
    return List.copyOf(live.values());
  }

  int count() {
    return live.size();
  }

  /** Publishing or still flushing: what scale-in protection must cover. */
  int active() {
    return live.size() + ending.size();
  }
}
