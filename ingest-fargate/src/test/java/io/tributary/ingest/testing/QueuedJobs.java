package io.tributary.ingest.testing;

import io.tributary.core.job.TranscodeJob;
import io.tributary.core.job.TranscodeJobJson;
import io.tributary.local.aws.LocalAws;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * Reads the jobs of one stream from the real queue (deleting them), bounded in time. The queue
 * is shared by the tests of this JVM: jobs of other streams are taken off it too and kept here
 * for their own test's call, rather than handed back through visibility changes (an emulator may
 * keep a message hidden after a visibility reset, which lost jobs under load).
 */
public final class QueuedJobs {
  private QueuedJobs() {}

  public record Received(TranscodeJob job, String body) {}

  private static final java.util.Map<String, List<Received>> OTHERS = new java.util.concurrent.ConcurrentHashMap<>();

  public static List<Received> await(LocalAws aws, String streamId, int atLeast, long timeoutMs) {
    List<Received> out = new ArrayList<>();
    List<Received> kept = OTHERS.remove(streamId);
    if (kept != null) {
      out.addAll(kept);
    }
    long deadline = System.currentTimeMillis() + timeoutMs;
    while (System.currentTimeMillis() < deadline && !(out.size() >= atLeast && complete(out))) {
      List<Message> batch = aws.clients().sqs().receiveMessage(b -> b.queueUrl(aws.queueUrl()).maxNumberOfMessages(10)
          .waitTimeSeconds(1).visibilityTimeout(3)).messages(); // short: a receive lost to a retry hides nothing for long
      for (Message m : batch) {
        TranscodeJob job = TranscodeJobJson.read(m.body());
        if (job.streamId().equals(streamId)) {
          out.add(new Received(job, m.body()));
        } else {
          OTHERS.computeIfAbsent(job.streamId(), k -> new java.util.concurrent.CopyOnWriteArrayList<>())
              .add(new Received(job, m.body()));
        }
        aws.clients().sqs().deleteMessage(b -> b.queueUrl(aws.queueUrl()).receiptHandle(m.receiptHandle()));
      }
    }
    out.sort(Comparator.comparingLong(r -> r.job().seq()));
    return out;
  }

  /** A whole session: its first chunk (discontinuity), its last, and every seq between. */
  private static boolean complete(List<Received> jobs) {
    long first = jobs.stream().filter(r -> r.job().discontinuity()).mapToLong(r -> r.job().seq()).max().orElse(-1);
    long last = jobs.stream().filter(r -> r.job().last()).mapToLong(r -> r.job().seq()).max().orElse(-1);
    if (first < 0 || last < first) {
      return false;
    }
    return jobs.stream().filter(r -> r.job().seq() >= first && r.job().seq() <= last).count() == last - first + 1;
  }
}
