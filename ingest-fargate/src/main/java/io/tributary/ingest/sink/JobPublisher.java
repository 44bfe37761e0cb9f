package io.tributary.ingest.sink;

import io.tributary.core.job.TranscodeJob;

/** Where transcode jobs go (the SQS queue). Failures are runtime exceptions; the caller retries. */
public interface JobPublisher {
  void publish(TranscodeJob job);
}
