package io.tributary.ingest.server;

import io.tributary.core.id.SessionId;
import io.tributary.ingest.session.PublishDecision;
import io.tributary.ingest.session.PublishRequest;
import io.tributary.ingest.streams.StreamConfig;
import io.tributary.ingest.streams.StreamRepository;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The publish policy (injected into the connection, off the event loop): key → stream, then the
 * lease. A wrong key is answered only after a fixed delay, with the same reply for unknown and
 * revoked keys, so guessing is slow and learns nothing; its log line names the peer, never the key.
 * A reconnect whose previous session on this task is still flushing waits for that session to end
 * (bounded) instead of being refused.
 */
final class PublishAuthorizer {
  private static final Logger LOG = LoggerFactory.getLogger(PublishAuthorizer.class);
  private static final long LOCAL_HANDOVER_WAIT_MS = 5000;

  private final StreamRepository repo;
  private final IngestConfig config;
  private final LiveRegistry registry;
  private final Executor blocking;
  private final IngestMetrics metrics;

  PublishAuthorizer(StreamRepository repo, IngestConfig config, LiveRegistry registry, Executor blocking,
                    IngestMetrics metrics) {
    this.repo = repo;
    this.config = config;
    this.registry = registry;
    this.blocking = blocking;
    this.metrics = metrics;
  }

  CompletableFuture<Authorization> authorize(PublishRequest request) {
    return CompletableFuture.supplyAsync(() -> decide(request), blocking)
        .thenCompose(a -> {
          if (a.decision() instanceof PublishDecision.Unauthorized) {
            Executor later = CompletableFuture.delayedExecutor(config.unauthorizedDelay().toMillis(),
                TimeUnit.MILLISECONDS, blocking);
            return CompletableFuture.supplyAsync(() -> a, later);
          }
          return CompletableFuture.completedFuture(a);
        });
  }

  private Authorization decide(PublishRequest request) {
    Optional<StreamConfig> found;
    try {
      found = repo.findByKey(request.streamKey());
    } catch (RuntimeException e) {
      LOG.error("publish from {} not checked: stream store unavailable: {}", request.remoteAddress(), e.toString());
      metrics.refusedPublish("unavailable");
      return Authorization.refused(new PublishDecision.Unavailable());
    }
    if (found.isEmpty()) {
      LOG.warn("publish refused: unknown or revoked stream key from {}", request.remoteAddress());
      metrics.refusedPublish("unauthorized");
      return Authorization.refused(new PublishDecision.Unauthorized());
    }
    StreamConfig stream = found.get();
    try {
      long now = System.currentTimeMillis();
      SessionId session = SessionId.startingAt(Instant.ofEpochMilli(now));
      Optional<Long> first = repo.acquireLease(stream.streamId(), session, config.taskId(), now, config.lease().toMillis());
      if (first.isEmpty() && waitForLocalPredecessor(stream)) {
        now = System.currentTimeMillis();
        first = repo.acquireLease(stream.streamId(), session, config.taskId(), now, config.lease().toMillis());
      }
      if (first.isEmpty()) {
        LOG.warn("publish to stream {} from {} refused: another publisher holds the lease", stream.streamId(),
            request.remoteAddress());
        metrics.refusedPublish("busy");
        return Authorization.refused(new PublishDecision.Busy());
      }
      repo.sessionStarted(stream, session, config.taskId(), now, first.get());
      LOG.info("publish accepted: stream {} session {} key {} from {} (segment {} ms, ladder {}, firstSeq {})",
          stream.streamId(), session, stream.keyId(), request.remoteAddress(), stream.segmentDurationMs(),
          stream.ladderPreset(), first.get());
      return new Authorization(new PublishDecision.Accepted(stream.streamId().value(), session.value()), stream, session,
          first.get(), now);
    } catch (RuntimeException e) {
      LOG.error("publish to stream {} not started: {}", stream.streamId(), e.toString());
      metrics.refusedPublish("unavailable");
      return Authorization.refused(new PublishDecision.Unavailable());
    }
  }

  /** True if the lease holder is a session of this task that is ending, and it ended in time. */
  private boolean waitForLocalPredecessor(StreamConfig stream) {
    Optional<Map.Entry<String, Long>> holder = repo.leaseHolder(stream.streamId());
    if (holder.isEmpty() || !holder.get().getKey().equals(config.taskId())) {
      return holder.isEmpty();
    }
    CompletableFuture<Void> ending = registry.ending(stream.streamId().value());
    if (ending == null) {
      return false;
    }
    try {
      ending.get(LOCAL_HANDOVER_WAIT_MS, TimeUnit.MILLISECONDS);
      return true;
    } catch (Exception e) {
      return false;
    }
  }
}
