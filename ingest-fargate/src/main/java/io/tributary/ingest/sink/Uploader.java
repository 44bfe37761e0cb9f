package io.tributary.ingest.sink;

import io.tributary.ingest.flv.BlockPool;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

/**
 * The shared upload machinery: a worker pool that drains one {@link UploadQueue} per session in
 * order (chunk seq order is the playlist order), a timer for retry backoff (a failing session
 * never holds a worker while it waits), a process-wide memory budget with per-session disk
 * spill, and the counters /metrics shows.
 */
public final class Uploader implements AutoCloseable {
  final UploaderSettings settings;
  final ChunkStore store;
  final JobPublisher jobs;
  final ExecutorService workers;
  final ScheduledExecutorService timer;
  final AtomicLong memoryInUse = new AtomicLong();
  final AtomicLong diskInUse = new AtomicLong();
  final LongAdder chunksSent = new LongAdder();
  final LongAdder bytesSent = new LongAdder();
  final LongAdder retries = new LongAdder();
  final LongAdder spilled = new LongAdder();
  final LongAdder overflows = new LongAdder();
  final LongAdder lost = new LongAdder();
  final LatencyStats closeToJob = new LatencyStats(4096);
  private final BlockPool blocks;
  private final Set<UploadQueue> open = ConcurrentHashMap.newKeySet();

  public Uploader(UploaderSettings settings, ChunkStore store, JobPublisher jobs) {
    this.settings = settings;
    this.store = store;
    this.jobs = jobs;
    // Chunk memory is recycled up to the in-memory budget: past it chunks spill anyway.
    this.blocks = BlockPool.ofBytes(settings.memoryBudgetBytes());
    try {
      Files.createDirectories(settings.spillDir());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create spill directory " + settings.spillDir(), e);
    }
    AtomicInteger n = new AtomicInteger();
    this.workers = Executors.newFixedThreadPool(settings.threads(), r -> {
      Thread t = new Thread(r, "upload-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "upload-retry");
      t.setDaemon(true);
      return t;
    });
  }

  /** A queue for one session; {@code onFatal} is called (from a worker) when the stream must be dropped. */
  public UploadQueue open(SessionTarget target, SessionLedger ledger, Consumer<String> onFatal) {
    UploadQueue q = new UploadQueue(this, target, ledger, onFatal);
    open.add(q);
    return q;
  }

  void closed(UploadQueue q) {
    open.remove(q);
  }

  /** Waits until every queue has finished (drain on SIGTERM); false if the timeout came first. */
  public boolean awaitIdle(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!open.isEmpty()) {
      if (System.nanoTime() > deadline) {
        return false;
      }
      Thread.sleep(20);
    }
    return true;
  }

  /** Where the chunkers of all sessions take chunk memory from; uploaded chunks give it back. */
  public BlockPool blocks() {
    return blocks;
  }

  public UploaderSettings settings() {
    return settings;
  }

  public int openQueues() {
    return open.size();
  }

  public long memoryInUse() {
    return memoryInUse.get();
  }

  public long diskInUse() {
    return diskInUse.get();
  }

  public long chunksSent() {
    return chunksSent.sum();
  }

  public long bytesSent() {
    return bytesSent.sum();
  }

  public long retries() {
    return retries.sum();
  }

  public long spilled() {
    return spilled.sum();
  }

  public long overflows() {
    return overflows.sum();
  }

  public long lost() {
    return lost.sum();
  }

  /** Chunk closed by the chunker → its job accepted by SQS, milliseconds. */
  public LatencyStats closeToJob() {
    return closeToJob;
  }

  @Override
  public void close() {
    timer.shutdownNow();
    workers.shutdown();
    try {
      workers.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    workers.shutdownNow();
  }
}
