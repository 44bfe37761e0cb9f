package io.tributary.local.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.core.id.StreamId;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/** SQS through the SDK: long polling, visibility, and the bootstrapped redrive policy. */
@ExtendWith(LocalAwsExtension.class)
class SqsIT {

  @Test
  void longPollReturnsAMessageSentWhileWaiting(LocalAws aws) throws Exception {
    try (SqsClient sqs = aws.clients().sqs()) {
      String url = sqs.createQueue(b -> b.queueName("longpoll-" + StreamId.random().value().substring(3))).queueUrl();
      long t0 = System.nanoTime();
      CompletableFuture<List<Message>> waiting = CompletableFuture.supplyAsync(() ->
          sqs.receiveMessage(b -> b.queueUrl(url).waitTimeSeconds(20).maxNumberOfMessages(1)).messages());
      Thread.sleep(700);
      assertTrue(!waiting.isDone(), "receive returned before anything was sent: not a long poll");
      sqs.sendMessage(b -> b.queueUrl(url).messageBody("late"));
      List<Message> got = waiting.get(30, TimeUnit.SECONDS);
      long ms = (System.nanoTime() - t0) / 1_000_000;
      assertEquals(1, got.size());
      assertEquals("late", got.get(0).body());
      // Returned on arrival, well before the 20 s wait ends (generous for a loaded CI machine).
      assertTrue(ms < 15_000, "long poll should return on arrival, took " + ms + " ms");
      sqs.deleteQueue(b -> b.queueUrl(url));
    }
  }

  @Test
  void receivedMessageIsHiddenUntilVisibilityTimeoutEnds(LocalAws aws) throws Exception {
    try (SqsClient sqs = aws.clients().sqs()) {
      String url = sqs.createQueue(b -> b.queueName("vis-" + StreamId.random().value().substring(3))).queueUrl();
      sqs.sendMessage(b -> b.queueUrl(url).messageBody("job"));
      Message first = sqs.receiveMessage(b -> b.queueUrl(url).visibilityTimeout(4).waitTimeSeconds(1)).messages().get(0);
      long receivedAt = System.nanoTime();
      List<Message> during = sqs.receiveMessage(b -> b.queueUrl(url).waitTimeSeconds(1)).messages();
      long elapsedMs = (System.nanoTime() - receivedAt) / 1_000_000;
      // Only meaningful while the 4 s have not passed (a starved CI machine can take that long).
      assertTrue(during.isEmpty() || elapsedMs >= 4_000, "in-flight message must stay hidden, got " + during);
      Message again = null;
      for (int i = 0; i < 15 && again == null; i++) {
        again = sqs.receiveMessage(b -> b.queueUrl(url).waitTimeSeconds(1)).messages().stream().findFirst().orElse(null);
      }
      assertEquals(first.messageId(), again == null ? null : again.messageId(), "visible again after the timeout");
      sqs.deleteQueue(b -> b.queueUrl(url));
    }
  }

  /**
   * The bootstrapped job queue: maxReceiveCount (3) failed receives, then the redrive policy moves
   * the message to the DLQ. Visibility is set to 0 on each receive to fail fast.
   */
  @Test
  void jobQueueMovesAPoisonMessageToTheDlqAfterMaxReceiveCount(LocalAws aws) throws Exception {
    String body = "{\"poison\":\"" + StreamId.random().value() + "\"}";
    try (SqsClient sqs = aws.clients().sqs()) {
      sqs.sendMessage(b -> b.queueUrl(aws.queueUrl()).messageBody(body));
      int receives = 0;
      Optional<Message> dead = Optional.empty();
      for (int i = 0; i < 20 && dead.isEmpty(); i++) {
        List<Message> msgs = sqs.receiveMessage(b -> b.queueUrl(aws.queueUrl()).maxNumberOfMessages(10)
            .waitTimeSeconds(1).messageSystemAttributeNames(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT))
            .messages();
        for (Message m : msgs) {
          // Hand back at once (a worker that failed): visibility 0.
          sqs.changeMessageVisibility(b -> b.queueUrl(aws.queueUrl()).receiptHandle(m.receiptHandle())
              .visibilityTimeout(0));
          if (m.body().equals(body)) {
            receives++;
          }
        }
        if (receives >= 3) {
          dead = findIn(sqs, aws.dlqUrl(), body);
        }
      }
      assertEquals(3, receives, "received exactly maxReceiveCount times before the redrive");
      assertTrue(dead.isPresent(), "message in the DLQ");
      Message m = dead.get();
      sqs.deleteMessage(b -> b.queueUrl(aws.dlqUrl()).receiptHandle(m.receiptHandle()));
    }
  }

  private static Optional<Message> findIn(SqsClient sqs, String url, String body) {
    return sqs.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10).visibilityTimeout(5).waitTimeSeconds(1))
        .messages().stream().filter(m -> m.body().equals(body)).findFirst();
  }
}
