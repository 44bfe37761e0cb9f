package io.tributary.infra.functions;

import io.tributary.infra.nag.Nag;
import io.tributary.infra.storage.ResourceEnv;
import io.tributary.infra.storage.Tables;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.events.EventBus;
import software.amazon.awscdk.services.lambda.StartingPosition;
import software.amazon.awscdk.services.lambda.eventsources.DynamoEventSource;
import software.amazon.awscdk.services.lambda.eventsources.DynamoEventSourceProps;
import software.amazon.awscdk.services.lambda.eventsources.SqsDlq;
import software.amazon.awscdk.services.sqs.Queue;
import software.constructs.Construct;

/**
 * Stream events in AWS without polling: the streams table's change stream (NEW_AND_OLD_IMAGES)
 * invokes the API jar's {@value #HANDLER}, which turns each item change into stream.started /
 * stream.ended / stream.health on the {@link #bus()} and schedules the media sweep of deleted
 * streams on {@link MediaSweep}'s queue.
 *
 * <p>The mapping: batches of up to {@value #BATCH_SIZE} records, the handler reports the first
 * record it could not finish (ReportBatchItemFailures) so Lambda resumes there; a failing batch
 * is bisected to isolate a bad record, retried {@value #RETRY_ATTEMPTS} times, then its
 * description goes to the {@link #failures()} queue (which alarms) instead of blocking the shard.
 * One batch per shard at a time keeps each stream's changes in order.
 */
public final class StreamChanges extends Construct {
  public static final String HANDLER = "io.tributary.api.lambda.StreamChangeHandler::handleRequest";
  /** Read by the change handler (api ChangeHandlerConfig). */
  public static final String EVENT_BUS_ENV = "TRIBUTARY_EVENT_BUS_NAME";
  public static final String SWEEP_GRACE_ENV = "TRIBUTARY_MEDIA_SWEEP_DELAY_S";
  public static final String HEALTH_INTERVAL_ENV = "TRIBUTARY_HEALTH_EVENT_INTERVAL_S";
  public static final String EMF_ENV = "TRIBUTARY_EMF";
  static final int BATCH_SIZE = 100;
  static final int RETRY_ATTEMPTS = 5;
  /** Time after a deletion for ingest (next heartbeat) and queued transcode jobs to stop writing. */
  static final int SWEEP_GRACE_S = 900;
  static final int HEALTH_INTERVAL_S = 10;

  private final EventBus bus;
  private final Queue failures;
  private final JavaFunction function;

  public StreamChanges(Construct scope, String id, Path apiJar, ResourceEnv env, Tables tables, MediaSweep sweep) {
    super(scope, id);
    bus = EventBus.Builder.create(this, "Bus")
        .description("Tributary stream events: source tributary.api, detail-type stream.started|ended|health")
        .build();
    failures = FailureQueue.destination(this, "Failures",
        "This queue is the change stream mapping's on-failure "
        + "destination: the last stop for records that exhausted their retries, read by operators.");

    Map<String, String> environment = new LinkedHashMap<>(env.variables());
    environment.put(EVENT_BUS_ENV, bus.getEventBusName());
    environment.put(MediaSweep.QUEUE_URL_ENV, sweep.queue().getQueueUrl());
    environment.put(SWEEP_GRACE_ENV, Integer.toString(SWEEP_GRACE_S));
    environment.put(HEALTH_INTERVAL_ENV, Integer.toString(HEALTH_INTERVAL_S));
    environment.put(EMF_ENV, "true");
    function = new JavaFunction(this, "Handler", apiJar, HANDLER, 512, Duration.seconds(60), environment,
        "Tributary: streams table changes -> EventBridge stream events and media sweeps");
    bus.grantPutEventsTo(function.function());
    sweep.queue().grantSendMessages(function.function());
    function.alias().addEventSource(new DynamoEventSource(tables.streams(), DynamoEventSourceProps.builder()
        // From the oldest record kept (24 h): a deploy does not lose the changes made meanwhile.
        .startingPosition(StartingPosition.TRIM_HORIZON)
        .batchSize(BATCH_SIZE)
        .maxBatchingWindow(Duration.seconds(1))
        .parallelizationFactor(1)
        .bisectBatchOnError(true)
        .retryAttempts(RETRY_ATTEMPTS)
        .maxRecordAge(Duration.hours(6))
        .reportBatchItemFailures(true)
        .onFailure(new SqsDlq(failures))
        .build()));
    // The event source grants stream reads on this table's stream ARN, plus dynamodb:ListStreams,
    // which IAM cannot scope to a resource (service authorization reference: no resource type) and
    // Lambda's DynamoDB guide lists among the execution role's required actions. It lists stream
    // ARNs, never items.
    Nag.suppress(function, "AwsSolutions-IAM5", "dynamodb:ListStreams takes only Resource '*' and is required "
        + "by Lambda's DynamoDB event source; every data action is scoped to the streams table's stream.",
        "Resource::*");
  }

  public EventBus bus() {
    return bus;
  }

  public Queue failures() {
    return failures;
  }

  public JavaFunction function() {
    return function;
  }
}
