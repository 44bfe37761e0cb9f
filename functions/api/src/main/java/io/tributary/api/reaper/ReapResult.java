package io.tributary.api.reaper;

import java.util.List;

/**
 * What one reap did.
 *
 * @param held leases the index listed for the task
 * @param released leases released now (each one a stream.ended through the change stream)
 * @param sessionsEnded session records set ENDED now
 * @param failed streams whose writes failed (DynamoDB errors), to retry
 */
public record ReapResult(int held, int released, int sessionsEnded, List<String> failed) {
  public ReapResult {
    failed = List.copyOf(failed);
  }
}
