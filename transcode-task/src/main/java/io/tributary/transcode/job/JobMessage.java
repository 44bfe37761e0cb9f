package io.tributary.transcode.job;

/**
 * One SQS message as both runtimes see it.
 *
 * @param receiveCount ApproximateReceiveCount, 1 on the first delivery
 * @param sentAtMs SentTimestamp (when ingest enqueued the job), or -1 if unknown
 */
public record JobMessage(String messageId, String body, int receiveCount, long sentAtMs) {
  public JobMessage {
    if (messageId == null || body == null) {
      throw new IllegalArgumentException("message id and body are required");
    }
    if (receiveCount < 1) {
      throw new IllegalArgumentException("receive count starts at 1, got " + receiveCount);
    }
  }
}
