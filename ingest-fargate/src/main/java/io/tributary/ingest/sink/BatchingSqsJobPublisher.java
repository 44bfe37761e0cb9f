package io.tributary.ingest.sink;

import io.tributary.core.job.TranscodeJob;
import io.tributary.core.job.TranscodeJobJson;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResultEntry;

/**
 * Jobs of all sessions through SendMessageBatch (up to 10 per call, SQS limit): each caller waits
 * for its own entry's result, so ordering and retries per session are unchanged. A flusher that
 * takes a job waits at most {@code lingerMs} for more before sending (0: send whatever is queued
 * at once): at a hundred streams a job closes every 20 ms on average, so a short linger turns
 * mostly single-entry calls into batches, and calls (signing, marshalling, a round trip) are what
 * costs CPU; the linger is added to the chunk-close → job latency at most once.
 */
public final class BatchingSqsJobPublisher implements JobPublisher, AutoCloseable {
  static final int MAX_BATCH = 10;

  private final SqsClient sqs;
  private final String queueUrl;
  private final long lingerNanos;
  private final LinkedBlockingQueue<Entry> queue = new LinkedBlockingQueue<>();
  private final List<Thread> flushers = new ArrayList<>();
  private volatile boolean closed;
  private final java.util.concurrent.atomic.LongAdder calls = new java.util.concurrent.atomic.LongAdder();
  private final java.util.concurrent.atomic.LongAdder sent = new java.util.concurrent.atomic.LongAdder();

  private record Entry(String body, CompletableFuture<Void> done) {}

  public BatchingSqsJobPublisher(SqsClient sqs, String queueUrl, int flusherThreads) {
    this(sqs, queueUrl, flusherThreads, 0);
  }

  public BatchingSqsJobPublisher(SqsClient sqs, String queueUrl, int flusherThreads, long lingerMs) {
    if (lingerMs < 0 || lingerMs > 1000) {
      throw new IllegalArgumentException("job batch linger must be in 0..1000 ms, got " + lingerMs);
    }
    this.sqs = sqs;
    this.queueUrl = queueUrl;
    this.lingerNanos = TimeUnit.MILLISECONDS.toNanos(lingerMs);
    for (int i = 0; i < flusherThreads; i++) {
      Thread t = new Thread(this::flushLoop, "sqs-batch-" + (i + 1));
      t.setDaemon(true);
      t.start();
      flushers.add(t);
    }
  }

  public static BatchingSqsJobPublisher forQueue(SqsClient sqs, String queueName, int flusherThreads, long lingerMs) {
    return new BatchingSqsJobPublisher(sqs, sqs.getQueueUrl(b -> b.queueName(queueName)).queueUrl(), flusherThreads,
        lingerMs);
  }

  @Override
  public void publish(TranscodeJob job) {
    Entry e = new Entry(TranscodeJobJson.write(job), new CompletableFuture<>());
    queue.add(e);
    try {
      e.done().get(60, TimeUnit.SECONDS);
    } catch (ExecutionException ex) {
      throw ex.getCause() instanceof RuntimeException r ? r : new IllegalStateException(ex.getCause());
    } catch (TimeoutException ex) {
      throw new IllegalStateException("SQS batch send did not answer within 60 s", ex);
    } catch (InterruptedException ex) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while sending a job", ex);
    }
  }

  private void flushLoop() {
    List<Entry> batch = new ArrayList<>(MAX_BATCH);
    while (!closed) {
      try {
        Entry first = queue.poll(200, TimeUnit.MILLISECONDS);
        if (first == null) {
          continue;
        }
        batch.clear();
        batch.add(first);
        queue.drainTo(batch, MAX_BATCH - 1);
        long until = System.nanoTime() + lingerNanos;
        while (batch.size() < MAX_BATCH && lingerNanos > 0) {
          long left = until - System.nanoTime();
          Entry more = left > 0 ? queue.poll(left, TimeUnit.NANOSECONDS) : null;
          if (more == null) {
            break;
          }
          batch.add(more);
          queue.drainTo(batch, MAX_BATCH - batch.size());
        }
        send(batch);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private void send(List<Entry> batch) {
    List<SendMessageBatchRequestEntry> entries = new ArrayList<>(batch.size());
    for (int i = 0; i < batch.size(); i++) {
      entries.add(SendMessageBatchRequestEntry.builder().id(Integer.toString(i)).messageBody(batch.get(i).body()).build());
    }
    try {
      calls.increment();
      SendMessageBatchResponse r = sqs.sendMessageBatch(b -> b.queueUrl(queueUrl).entries(entries));
      sent.add(r.successful().size());
      for (SendMessageBatchResultEntry ok : r.successful()) {
        batch.get(Integer.parseInt(ok.id())).done().complete(null);
      }
      for (BatchResultErrorEntry failed : r.failed()) {
        batch.get(Integer.parseInt(failed.id())).done().completeExceptionally(new IllegalStateException(
            "SQS refused the job: " + failed.code() + " " + failed.message() + (failed.senderFault() ? " (sender fault)" : "")));
      }
    } catch (RuntimeException e) {
      for (Entry entry : batch) {
        entry.done().completeExceptionally(e);
      }
    }
    for (Entry entry : batch) {
      // An entry the response did not mention at all must not leave its caller waiting.
      entry.done().completeExceptionally(new IllegalStateException("SQS batch response omitted this job"));
    }
  }

  /** SendMessageBatch calls made so far. */
  public long calls() {
    return calls.sum();
  }

  /** Jobs accepted by SQS so far. */
  public long sent() {
    return sent.sum();
  }

  @Override
  public void close() {
    closed = true;
    for (Thread t : flushers) {
      t.interrupt();
    }
  }
}
