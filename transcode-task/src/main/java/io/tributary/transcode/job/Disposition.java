package io.tributary.transcode.job;

/** What the runtime does with a message after processing. */
public enum Disposition {
  /** Done (or already done): delete it / report success. */
  DELETE,
  /** Failed: leave it for redelivery; the redrive policy moves it to the DLQ after maxReceiveCount. */
  RETRY
}
