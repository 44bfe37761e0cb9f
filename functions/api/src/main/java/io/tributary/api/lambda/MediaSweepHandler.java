package io.tributary.api.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.tributary.api.stream.DynamoStreamRepository;
import io.tributary.api.stream.StreamRepository;
import io.tributary.api.sweep.MediaPurge;
import io.tributary.api.sweep.SweepQueue;
import io.tributary.api.sweep.SweepRequest;
import io.tributary.core.aws.AwsClients;
import io.tributary.core.aws.AwsSettings;
import io.tributary.core.resources.ResourceNames;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * AWS: the media sweep of deleted streams, fed by the change handler through the sweep delay
 * queue. Per message: if the grace is not over, put it back for the rest; if the stream item is
 * still marked deleted, delete a bounded batch of its S3 objects ({@link MediaPurge}, the same
 * code the local sweeper runs) and either re-queue the rest or, when none remain, delete the item.
 * A stream that is not (or no longer) marked deleted is never touched. Failed messages are
 * reported one by one ({@code ReportBatchItemFailures}); the redrive policy moves a message that
 * keeps failing to the sweep DLQ. Handler string:
 * {@code io.tributary.api.lambda.MediaSweepHandler::handleRequest}, in the API's Lambda jar.
 */
public class MediaSweepHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {
  private static final Logger LOG = LoggerFactory.getLogger(MediaSweepHandler.class);

  private final StreamRepository streams;
  private final MediaPurge purge;
  private final SweepQueue queue;
  private final Clock clock;

  public MediaSweepHandler() {
    this(System.getenv());
  }

  public MediaSweepHandler(Map<String, String> env) {
    this(env, Clock.systemUTC());
  }

  MediaSweepHandler(Map<String, String> env, Clock clock) {
    this(SweepHandlerConfig.fromEnv(env), new AwsClients(AwsSettings.fromEnv(env)), ResourceNames.fromEnv(env), clock);
  }

  private MediaSweepHandler(SweepHandlerConfig config, AwsClients clients, ResourceNames names, Clock clock) {
    this.streams = new DynamoStreamRepository(clients.dynamo(), names);
    this.purge = new MediaPurge(clients.s3(), names, config.maxObjectsPerMessage());
    this.queue = new SweepQueue(clients.sqs(), config.sweepQueueUrl());
    this.clock = clock;
  }

  @Override
  public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
    List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
    List<SQSEvent.SQSMessage> messages = event.getRecords() == null ? List.of() : event.getRecords();
    for (SQSEvent.SQSMessage m : messages) {
      try {
        sweep(SweepRequest.parse(m.getBody()));
      } catch (RuntimeException e) {
        LOG.warn("sweep message {} failed: {}", m.getMessageId(), e.toString());
        failures.add(new SQSBatchResponse.BatchItemFailure(m.getMessageId()));
      } finally {
        MDC.remove("streamId");
      }
    }
    LOG.info("{} sweep messages, {} failed", messages.size(), failures.size());
    return new SQSBatchResponse(failures);
  }

  private void sweep(SweepRequest request) {
    MDC.put("streamId", request.streamId().value());
    long now = clock.millis();
    if (now < request.notBeforeMs()) {
      queue.send(request, now);
      LOG.info("sweep not due for {} s: re-queued", (request.notBeforeMs() - now + 999) / 1000);
      return;
    }
    if (streams.findDeleted(request.streamId()).isEmpty()) {
      LOG.info("nothing to sweep: the stream item is gone or not marked deleted");
      return;
    }
    MediaPurge.Progress p = purge.run(request.streamId());
    if (!p.done()) {
      queue.send(request, now);
      LOG.info("swept {} objects, more remain: re-queued", p.deleted());
      return;
    }
    boolean purged = streams.purge(request.streamId());
    LOG.info("swept deleted stream: {} objects removed, item {}", p.deleted(), purged ? "deleted" : "already gone");
  }
}
