package io.tributary.api.sweep;

import io.tributary.core.id.StreamId;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Sends sweep requests. A message is hidden for min(remaining grace, 900 s) — the SQS maximum of
 * DelaySeconds — so the sweep Lambda is invoked when the stream is due (or re-queues it until then).
 */
public final class SweepQueue {
  /** SQS DelaySeconds maximum (SQS API reference, SendMessage). */
  public static final int MAX_DELAY_S = 900;

  private final SqsClient sqs;
  private final String queueUrl;

  public SweepQueue(SqsClient sqs, String queueUrl) {
    this.sqs = sqs;
    this.queueUrl = queueUrl;
  }

  public void send(SweepRequest request, long nowMs) {
    long waitMs = Math.max(0, request.notBeforeMs() - nowMs);
    int delayS = (int) Math.min(MAX_DELAY_S, (waitMs + 999) / 1000);
    sqs.sendMessage(b -> b.queueUrl(queueUrl).messageBody(request.toJson()).delaySeconds(delayS));
  }

  /** Schedules the sweep of a stream deleted at {@code deletedAtMs}, {@code graceS} later. */
  public void schedule(StreamId id, long deletedAtMs, long graceS, long nowMs) {
    send(new SweepRequest(id, deletedAtMs + graceS * 1000), nowMs);
  }
}
