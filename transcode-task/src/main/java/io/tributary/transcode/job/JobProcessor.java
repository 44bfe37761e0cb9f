package io.tributary.transcode.job;

import io.tributary.core.job.InvalidJobException;
import io.tributary.core.job.TranscodeJob;
import io.tributary.core.job.TranscodeJobJson;
import io.tributary.transcode.metrics.WorkerMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Per-message logic shared by the ECS poller and the Lambda, like Powertools' SQS batch
 * processor: each message in its own try/catch, success deletes, failure leaves it for the queue.
 * A poison message is never deleted by code: after maxReceiveCount receives the redrive policy
 * moves it to the DLQ. On that last allowed receive a failing job first writes a GAP record
 * (conditional, so a concurrent success still wins) so playlists move past the seq.
 */
public final class JobProcessor {
  private static final Logger LOG = LoggerFactory.getLogger(JobProcessor.class);
  private final TranscodeHandler handler;
  private final WorkerMetrics metrics;
  private final int maxReceiveCount;

  public JobProcessor(TranscodeHandler handler, WorkerMetrics metrics, int maxReceiveCount) {
    if (maxReceiveCount < 1) {
      throw new IllegalArgumentException("maxReceiveCount must be >= 1, got " + maxReceiveCount);
    }
    this.handler = handler;
    this.metrics = metrics;
    this.maxReceiveCount = maxReceiveCount;
  }

  public Disposition process(JobMessage message) {
    MDC.put("messageId", message.messageId());
    metrics.started();
    long start = System.nanoTime();
    TranscodeJob job = null;
    try {
      job = TranscodeJobJson.read(message.body());
      MDC.put("streamId", job.streamId());
      MDC.put("sessionId", job.sessionId());
      MDC.put("seq", Long.toString(job.seq()));
      JobOutcome outcome = handler.handle(job);
      if (outcome.indexed()) {
        long latency = message.sentAtMs() > 0 ? System.currentTimeMillis() - message.sentAtMs() : -1;
        metrics.succeeded(outcome.mediaSeconds(), outcome.ffmpegSeconds(), (System.nanoTime() - start) / 1e9, latency);
      } else {
        metrics.duplicate();
      }
      return Disposition.DELETE;
    } catch (InvalidJobException e) {
      // Never processable; left for the redrive policy to move to the DLQ where an operator sees it.
      metrics.invalid();
      LOG.error("invalid job message {} (receive {}/{}), leaving it for the DLQ: {}", message.messageId(),
          message.receiveCount(), maxReceiveCount, e.getMessage());
      return Disposition.RETRY;
    } catch (RuntimeException e) {
      if (Thread.currentThread().isInterrupted()) {
        // The worker is shutting down and released the job: not a failure, no GAP.
        LOG.info("job interrupted by shutdown on receive {}/{}; released for another worker", message.receiveCount(),
            maxReceiveCount);
        return Disposition.RETRY;
      }
      metrics.failed();
      boolean lastTry = message.receiveCount() >= maxReceiveCount;
      LOG.error("job failed on receive {}/{}{}: {}", message.receiveCount(), maxReceiveCount,
          lastTry ? ", writing a GAP record" : ", will be retried", e.getMessage(), e);
      if (lastTry) {
        writeGap(job);
      }
      return Disposition.RETRY;
    } finally {
      metrics.finished();
      MDC.remove("messageId");
      MDC.remove("streamId");
      MDC.remove("sessionId");
      MDC.remove("seq");
    }
  }

  private void writeGap(TranscodeJob job) {
    try {
      if (handler.index().putGap(SegmentRecord.gap(job))) {
        metrics.gap();
        LOG.warn("GAP recorded: the segment failed for good and moves to the DLQ");
      } else {
        LOG.info("no GAP needed: a record for this seq already exists");
      }
    } catch (RuntimeException e) {
      LOG.error("could not write the GAP record: {}", e.getMessage(), e);
    }
  }
}
