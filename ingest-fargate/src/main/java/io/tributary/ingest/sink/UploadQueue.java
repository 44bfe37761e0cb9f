package io.tributary.ingest.sink;

import io.tributary.core.job.TranscodeJob;
import io.tributary.core.media.Ladder;
import io.tributary.core.resources.MediaKeys;
import io.tributary.ingest.flv.ChunkBytes;
import io.tributary.ingest.flv.FlvChunk;
import io.tributary.ingest.streams.LeaseLostException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * One session's uploads, in order: for each chunk take a seq (DynamoDB), PUT the file (S3), send
 * the job (SQS); then the session end. Each step is done once: a retry resumes at the failed
 * step, so a lost response costs a duplicate PUT or message (idempotent downstream), never a
 * skipped or renumbered chunk. Chunks wait in memory up to the uploader's shared budget, then on
 * local disk up to the per-session bound; past that the stream is dropped (overflow), never the
 * process.
 */
public final class UploadQueue implements ChunkSink {
  private static final Logger LOG = LoggerFactory.getLogger(UploadQueue.class);

  private final Uploader up;
  private final SessionTarget target;
  private final SessionLedger ledger;
  private final Consumer<String> onFatal;
  private final ArrayDeque<Object> items = new ArrayDeque<>();
  private boolean running;
  private boolean fatal;
  private long diskBytes;
  private long lastSeq = -1;
  private long prefetchedSeq = -1;
  private int attempt;

  /** A chunk and how far its upload got. */
  private static final class PendingChunk {
    final FlvChunk chunk;
    final long closedNanos = System.nanoTime();
    final long firstTryMs = System.currentTimeMillis();
    ChunkBytes bytes;
    Path spill;
    long size;
    long seq = -1;
    boolean stored;
    TranscodeJob job;

    PendingChunk(FlvChunk chunk) {
      // Keep the description only: the bytes live in `bytes` or in the spill file, so a spilled
      // chunk really leaves the heap.
      this.chunk = new FlvChunk(chunk.index(), chunk.startMs(), chunk.durationMs(), chunk.capturedAtMs(), chunk.last(),
          chunk.source(), ChunkBytes.EMPTY);
      this.size = chunk.flv().length();
    }
  }

  private record PendingEnd(String reason, CompletableFuture<Void> done, long createdMs) {}

  /** Take the next chunk's seq ahead of time (see {@link #prefetch}). */
  private record Prefetch() {}

  UploadQueue(Uploader up, SessionTarget target, SessionLedger ledger, Consumer<String> onFatal) {
    this.up = up;
    this.target = target;
    this.ledger = ledger;
    this.onFatal = onFatal;
    items.add(new Prefetch());
    schedule();
  }

  @Override
  public void submit(FlvChunk chunk) {
    PendingChunk p = new PendingChunk(chunk);
    synchronized (this) {
      if (fatal) {
        return;
      }
      if (up.memoryInUse.addAndGet(p.size) <= up.settings.memoryBudgetBytes()) {
        p.bytes = chunk.flv();
      } else {
        up.memoryInUse.addAndGet(-p.size);
        if (diskBytes + p.size > up.settings.spillMaxBytesPerSession()) {
          chunk.flv().release();
          overflow(p);
          return;
        }
        // Spilling is a local file write (page cache), done here so the memory bound holds
        // exactly; it only happens while S3/SQS are failing.
        p.spill = spill(target, up, chunk);
        diskBytes += p.size;
        up.diskInUse.addAndGet(p.size);
        up.spilled.increment();
      }
      items.add(p);
    }
    schedule();
  }

  @Override
  public CompletableFuture<Void> end(String reason) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    synchronized (this) {
      items.add(new PendingEnd(reason, done, System.currentTimeMillis()));
    }
    schedule();
    return done;
  }

  private void overflow(PendingChunk p) {
    fatal = true;
    up.overflows.increment();
    up.lost.increment();
    LOG.error("upload buffer full for stream {} session {}: {} bytes on disk (bound {}), chunk {} of {} ms dropped; "
        + "dropping the stream", target.streamId(), target.sessionId(), diskBytes, up.settings.spillMaxBytesPerSession(),
        p.chunk.index(), p.chunk.durationMs());
    up.workers.execute(() -> onFatal.accept("overflow"));
  }

  private static Path spill(SessionTarget target, Uploader up, FlvChunk chunk) {
    try {
      Path f = Files.createTempFile(up.settings.spillDir(), target.sessionId().value() + "-", ".flv");
      try (var out = Files.newOutputStream(f)) {
        chunk.flv().writeTo(out);
      }
      return f;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot spill chunk to " + up.settings.spillDir(), e);
    } finally {
      chunk.flv().release();
    }
  }

  private void schedule() {
    synchronized (this) {
      if (running) {
        return;
      }
      running = true;
    }
    up.workers.execute(this::drain);
  }

  private void drain() {
    MDC.put("streamId", target.streamId().value());
    MDC.put("sessionId", target.sessionId().value());
    try {
      while (true) {
        Object item;
        synchronized (this) {
          item = items.peek();
          if (item == null) {
            running = false;
            return;
          }
        }
        try {
          if (item instanceof PendingChunk p) {
            upload(p);
            if (!p.chunk.last()) {
              prefetch();
            }
          } else if (item instanceof Prefetch) {
            prefetch();
          } else if (item instanceof PendingEnd e) {
            ledger.ended(e.reason(), lastSeq, prefetchedSeq, System.currentTimeMillis());
            prefetchedSeq = -1;
            e.done().complete(null);
            up.closed(this);
          }
          attempt = 0;
          synchronized (this) {
            items.poll();
          }
        } catch (LeaseLostException e) {
          LOG.error("{}: dropping the stream, {} queued item(s) discarded", e.getMessage(), items.size() - 1);
          discardChunks();
          onFatal.accept("lease-lost");
        } catch (RuntimeException e) {
          if (!retryLater(item, e)) {
            continue;
          }
          return;
        }
      }
    } finally {
      MDC.remove("streamId");
      MDC.remove("sessionId");
    }
  }

  private void upload(PendingChunk p) {
    FlvChunk c = p.chunk;
    if (p.seq < 0) {
      p.seq = prefetchedSeq >= 0 ? prefetchedSeq : ledger.nextSeq();
      prefetchedSeq = -1;
      String key = MediaKeys.chunk(target.streamId().value(), target.sessionId().value(), p.seq);
      p.job = new TranscodeJob(TranscodeJob.VERSION, target.streamId().value(), target.sessionId().value(), p.seq, key,
          c.startMs(), Math.min(c.durationMs(), 60_000), c.index() == 0, c.last(), c.capturedAtMs(),
          target.targetDurationMs(), c.source(), Ladder.preset(target.ladderPreset()).forSourceHeight(c.source().height()));
    }
    if (!p.stored) {
      up.store.put(p.job.chunkKey(), bytes(p));
      p.stored = true;
    }
    up.jobs.publish(p.job);
    lastSeq = p.seq;
    up.chunksSent.increment();
    up.bytesSent.add(p.size);
    long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - p.closedNanos);
    up.closeToJob.record(ms);
    release(p);
    LOG.info("chunk seq={} index={} start={} ms duration={} ms bytes={} last={} queued {} ms", p.seq, c.index(),
        c.startMs(), c.durationMs(), p.size, c.last(), ms);
  }

  /**
   * Takes the seq of the chunk being filled now, while it is filled: the DynamoDB round trip
   * leaves the chunk-close → job path, which is then one S3 PUT and one SQS send. If the session
   * ends without using it (no keyframe came, or the last chunk could not be closed), the end
   * gives it back ({@link SessionLedger#ended}), so the stream's numbering keeps no hole (a hole
   * shows as EXT-X-GAP). A failure here is not retried: the chunk takes its own seq.
   */
  private void prefetch() {
    if (prefetchedSeq >= 0 || fatal) {
      return;
    }
    try {
      prefetchedSeq = ledger.nextSeq();
    } catch (RuntimeException e) {
      LOG.debug("seq prefetch failed, the chunk will take its own: {}", e.toString());
    }
  }

  /** Schedules a retry with capped exponential backoff; false if the item was given up (go on with the next). */
  private boolean retryLater(Object item, RuntimeException e) {
    attempt++;
    up.retries.increment();
    if (item instanceof PendingChunk p && System.currentTimeMillis() - p.firstTryMs > up.settings.maxRetry().toMillis()) {
      LOG.error("chunk index={} seq={} lost after {} attempts over {} ms: {}", p.chunk.index(), p.seq, attempt,
          up.settings.maxRetry().toMillis(), e.toString());
      up.lost.increment();
      release(p);
      synchronized (this) {
        items.poll();
      }
      attempt = 0;
      return false;
    }
    if (item instanceof PendingEnd end && System.currentTimeMillis() - end.createdMs() > up.settings.maxRetry().toMillis()) {
      LOG.error("session end ({}) not recorded after {} attempts: {}", end.reason(), attempt, e.toString());
      end.done().completeExceptionally(e);
      up.closed(this);
      synchronized (this) {
        items.poll();
      }
      attempt = 0;
      return false;
    }
    long delay = Math.min(5000, 100L << Math.min(attempt, 6));
    delay += ThreadLocalRandom.current().nextLong(delay / 4 + 1);
    LOG.warn("upload step failed (attempt {}), retrying in {} ms: {}", attempt, delay, e.toString());
    up.timer.schedule(() -> up.workers.execute(this::drain), delay, TimeUnit.MILLISECONDS);
    return true;
  }

  private ChunkBytes bytes(PendingChunk p) {
    if (p.bytes != null) {
      return p.bytes;
    }
    try {
      return ChunkBytes.wrap(Files.readAllBytes(p.spill));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read spilled chunk " + p.spill, e);
    }
  }

  private void release(PendingChunk p) {
    if (p.bytes != null) {
      up.memoryInUse.addAndGet(-p.size);
      p.bytes.release();
      p.bytes = null;
    }
    if (p.spill != null) {
      try {
        Files.deleteIfExists(p.spill);
      } catch (IOException e) {
        LOG.warn("cannot delete spill file {}: {}", p.spill, e.toString());
      }
      synchronized (this) {
        diskBytes -= p.size;
      }
      up.diskInUse.addAndGet(-p.size);
      p.spill = null;
    }
  }

  private void discardChunks() {
    synchronized (this) {
      fatal = true;
      items.removeIf(o -> {
        if (o instanceof PendingChunk p) {
          release(p);
          up.lost.increment();
          return true;
        }
        return false;
      });
    }
  }
}
