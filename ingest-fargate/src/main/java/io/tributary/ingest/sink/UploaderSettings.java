package io.tributary.ingest.sink;

import java.nio.file.Path;
import java.time.Duration;

/**
 * @param threads upload workers shared by all sessions (I/O bound: S3 PUT, SQS send, DynamoDB ADD)
 * @param memoryBudgetBytes chunk bytes held in memory across all sessions before spilling to disk
 * @param spillMaxBytesPerSession disk a single session may fill during an outage; past it the stream is dropped
 * @param spillDir where spilled chunks wait
 * @param maxRetry how long one chunk is retried before it is given up as lost (logged as an error)
 */
public record UploaderSettings(int threads, long memoryBudgetBytes, long spillMaxBytesPerSession, Path spillDir,
                               Duration maxRetry) {
  public UploaderSettings {
    if (threads < 1 || threads > 256) {
      throw new IllegalArgumentException("upload threads must be in 1..256, got " + threads);
    }
    if (memoryBudgetBytes < 0 || spillMaxBytesPerSession < 0) {
      throw new IllegalArgumentException("buffer bounds cannot be negative");
    }
    if (spillDir == null || maxRetry == null || maxRetry.isNegative()) {
      throw new IllegalArgumentException("spillDir and a non-negative maxRetry are required");
    }
  }
}
