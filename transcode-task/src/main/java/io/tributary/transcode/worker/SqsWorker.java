package io.tributary.transcode.worker;

import io.tributary.transcode.job.Disposition;
import io.tributary.transcode.job.JobMessage;
import io.tributary.transcode.job.JobProcessor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * The long-running ECS consumer: {@code concurrency} threads, each long-polling one message at a
 * time, so a job is only taken when a slot is free. While a job runs a heartbeat keeps it hidden
 * (ChangeMessageVisibility every third of the visibility timeout); success deletes it; failure
 * sets a short retry delay and leaves it. {@link #stop} stops taking work, lets jobs in flight
 * finish within a grace period, then releases what is left (visibility 0) for another worker.
 */
public final class SqsWorker {
  private static final Logger LOG = LoggerFactory.getLogger(SqsWorker.class);
  private final SqsClient sqs;
  private final String queueUrl;
  private final JobProcessor processor;
  private final WorkerConfig config;
  private final Map<String, InFlight> inFlight = new ConcurrentHashMap<>();
  private final List<Thread> threads = new ArrayList<>();
  private final ScheduledExecutorService heartbeat;
  private final CountDownLatch stopped;
  private volatile boolean stopping;

  private record InFlight(String receiptHandle, Thread thread) {}

  public SqsWorker(SqsClient sqs, String queueUrl, JobProcessor processor, WorkerConfig config) {
    this.sqs = sqs;
    this.queueUrl = queueUrl;
    this.processor = processor;
    this.config = config;
    this.stopped = new CountDownLatch(config.concurrency());
    this.heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "visibility-heartbeat");
      t.setDaemon(true);
      return t;
    });
  }

  public void start() {
    long every = Math.max(1000, config.visibility().toMillis() / 3);
    heartbeat.scheduleWithFixedDelay(this::extendAll, every, every, TimeUnit.MILLISECONDS);
    for (int i = 0; i < config.concurrency(); i++) {
      Thread t = new Thread(this::loop, "transcode-worker-" + i);
      t.setDaemon(true);
      threads.add(t);
      t.start();
    }
    LOG.info("worker polling {} with {} slot(s), visibility {}s", queueUrl, config.concurrency(),
        config.visibility().toSeconds());
  }

  /** Jobs being processed right now. */
  public int inFlightCount() {
    return inFlight.size();
  }

  private void loop() {
    try {
      while (!stopping) {
        List<Message> messages;
        try {
          messages = sqs.receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(1)
              .waitTimeSeconds((int) config.pollWait().toSeconds())
              .visibilityTimeout((int) config.visibility().toSeconds())
              .messageSystemAttributeNames(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT,
                  MessageSystemAttributeName.SENT_TIMESTAMP)).messages();
        } catch (RuntimeException e) {
          if (stopping) {
            break;
          }
          LOG.warn("receive failed, backing off: {}", e.toString());
          sleep(Duration.ofSeconds(2));
          continue;
        }
        for (Message m : messages) {
          if (stopping) {
            release(m.receiptHandle(), m.messageId());
          } else {
            handle(m);
          }
        }
      }
    } finally {
      stopped.countDown();
    }
  }

  private void handle(Message m) {
    inFlight.put(m.messageId(), new InFlight(m.receiptHandle(), Thread.currentThread()));
    Disposition d;
    try {
      Map<MessageSystemAttributeName, String> a = m.attributes();
      int receives = Integer.parseInt(a.getOrDefault(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT, "1"));
      long sent = Long.parseLong(a.getOrDefault(MessageSystemAttributeName.SENT_TIMESTAMP, "-1"));
      d = processor.process(new JobMessage(m.messageId(), m.body(), Math.max(1, receives), sent));
    } finally {
      if (inFlight.remove(m.messageId()) == null) {
        // Released by stop() after the grace period: another worker owns it now.
        Thread.interrupted();
        return;
      }
    }
    try {
      if (d == Disposition.DELETE) {
        sqs.deleteMessage(b -> b.queueUrl(queueUrl).receiptHandle(m.receiptHandle()));
      } else {
        sqs.changeMessageVisibility(b -> b.queueUrl(queueUrl).receiptHandle(m.receiptHandle())
            .visibilityTimeout((int) config.retryDelay().toSeconds()));
      }
    } catch (RuntimeException e) {
      // The job's effects are idempotent: if this ack is lost the redelivery finds the record and skips.
      LOG.warn("could not {} message {}: {}", d == Disposition.DELETE ? "delete" : "delay", m.messageId(), e.toString());
    }
  }

  private void extendAll() {
    inFlight.forEach((id, f) -> {
      try {
        sqs.changeMessageVisibility(b -> b.queueUrl(queueUrl).receiptHandle(f.receiptHandle())
            .visibilityTimeout((int) config.visibility().toSeconds()));
      } catch (RuntimeException e) {
        LOG.warn("could not extend visibility of {}: {}", id, e.toString());
      }
    });
  }

  private void release(String receiptHandle, String messageId) {
    try {
      sqs.changeMessageVisibility(b -> b.queueUrl(queueUrl).receiptHandle(receiptHandle).visibilityTimeout(0));
      LOG.info("released message {} to other workers", messageId);
    } catch (RuntimeException e) {
      LOG.warn("could not release {}: {} (it reappears when its visibility expires)", messageId, e.toString());
    }
  }

  /**
   * Stops taking jobs, waits up to {@code grace} for jobs in flight, then releases the rest and
   * interrupts their threads (which kills their ffmpeg). Returns when every slot has stopped or
   * the grace has passed.
   */
  public void stop(Duration grace) {
    stopping = true;
    long deadline = System.nanoTime() + grace.toNanos();
    while (!inFlight.isEmpty() && System.nanoTime() < deadline) {
      sleep(Duration.ofMillis(100));
    }
    int released = 0;
    for (String id : List.copyOf(inFlight.keySet())) {
      InFlight f = inFlight.remove(id);
      if (f != null) {
        release(f.receiptHandle(), id);
        f.thread().interrupt();
        released++;
      }
    }
    heartbeat.shutdownNow();
    // Idle slots are in a long poll; wait it out so no stopped worker takes (and so counts a
    // receive of) a message after stop returns.
    try {
      stopped.await(config.pollWait().toMillis() + 5_000, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    LOG.info("worker stopped: {} job(s) released after the {}s grace", released, grace.toSeconds());
  }

  private static void sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
