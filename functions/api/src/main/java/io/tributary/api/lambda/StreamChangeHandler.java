package io.tributary.api.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import io.tributary.api.events.EventBridgeSink;
import io.tributary.api.events.StreamEvent;
import io.tributary.api.events.StreamSnapshot;
import io.tributary.api.events.StreamTransitions;
import io.tributary.api.stream.StreamRecord;
import io.tributary.api.sweep.SweepQueue;
import io.tributary.api.ws.SocketConnections;
import io.tributary.api.ws.SocketPusher;
import io.tributary.core.aws.AwsClients;
import io.tributary.core.aws.AwsSettings;
import io.tributary.core.metrics.EmfLine;
import io.tributary.core.metrics.MetricNames;
import io.tributary.core.resources.ResourceNames;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.apigatewaymanagementapi.ApiGatewayManagementApiClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * AWS: the streams table's DynamoDB stream (NEW_AND_OLD_IMAGES) in, stream events out — the same
 * {@link StreamTransitions} the local poller uses, applied to each record's old and new image, so
 * nothing polls or scans. A deletion ({@code deletedAt} newly set) also schedules the media sweep
 * on the delay queue, and the events are pushed to the stream's WebSocket API connections
 * ({@link SocketPusher}, best effort). No Micronaut context: plain SDK clients.
 *
 * <p>Failures: records are handled in stream order and the response names the first record not
 * fully handled ({@code ReportBatchItemFailures}); Lambda resumes from that record, so nothing
 * after a failure is skipped, and events of later records already sent may repeat (consumers
 * dedupe on type + sessionId + at). Handler string:
 * {@code io.tributary.api.lambda.StreamChangeHandler::handleRequest}, in the API's Lambda jar.
 */
public class StreamChangeHandler implements RequestHandler<DynamodbEvent, StreamsEventResponse> {
  private static final Logger LOG = LoggerFactory.getLogger(StreamChangeHandler.class);
  static final String EVENTS_PUBLISHED = "StreamEventsPublished";
  static final String RECORDS_FAILED = "StreamChangeRecordsFailed";

  private final ChangeHandlerConfig config;
  private final EventBridgeSink events;
  private final SweepQueue sweeps;
  private final StreamTransitions transitions;
  private final Clock clock;
  private final boolean emf;
  private final Optional<SocketPusher> pusher;

  /** The Lambda runtime's constructor: everything from the environment. */
  public StreamChangeHandler() {
    this(System.getenv());
  }

  public StreamChangeHandler(Map<String, String> env) {
    this(env, Clock.systemUTC());
  }

  StreamChangeHandler(Map<String, String> env, Clock clock) {
    this(ChangeHandlerConfig.fromEnv(env), new AwsClients(AwsSettings.fromEnv(env)), env, clock);
  }

  private StreamChangeHandler(ChangeHandlerConfig config, AwsClients clients, Map<String, String> env, Clock clock) {
    this(config, eventBridge(config, clients), clients.sqs(), pusher(config, clients, env), clock,
        Boolean.parseBoolean(env.getOrDefault("TRIBUTARY_EMF", "false")));
  }

  public StreamChangeHandler(ChangeHandlerConfig config, EventBridgeClient eventBridge, SqsClient sqs,
                             Optional<SocketPusher> pusher, Clock clock, boolean emf) {
    this.config = config;
    this.pusher = pusher;
    this.events = new EventBridgeSink(eventBridge, config.eventBusName());
    this.sweeps = new SweepQueue(sqs, config.sweepQueueUrl());
    this.transitions = new StreamTransitions(config.healthIntervalMs());
    this.clock = clock;
    this.emf = emf;
  }

  /**
   * Core's factory covers the emulated services only; EventBridge takes region, endpoint (tests,
   * emulators) and credentials from the same environment.
   */
  private static EventBridgeClient eventBridge(ChangeHandlerConfig config, AwsClients clients) {
    var b = EventBridgeClient.builder().region(Region.of(clients.settings().region()))
        .credentialsProvider(clients.credentials()).httpClient(UrlConnectionHttpClient.create());
    config.eventBridgeEndpoint().ifPresent(b::endpointOverride);
    return b.build();
  }

  /** The WebSocket push, when the WebSocket API's management endpoint is configured. */
  private static Optional<SocketPusher> pusher(ChangeHandlerConfig config, AwsClients clients,
                                               Map<String, String> env) {
    return config.socketEndpoint().map(endpoint -> new SocketPusher(ApiGatewayManagementApiClient.builder()
        .region(Region.of(clients.settings().region())).endpointOverride(endpoint)
        .credentialsProvider(clients.credentials()).httpClient(UrlConnectionHttpClient.create()).build(),
        new SocketConnections(clients.dynamo(), ResourceNames.fromEnv(env))));
  }

  /** What one record asks for: its events and, for a fresh deletion, the sweep. */
  private record Plan(List<StreamEvent> events, StreamRecord deleted) {}

  @Override
  public StreamsEventResponse handleRequest(DynamodbEvent event, Context context) {
    List<DynamodbEvent.DynamodbStreamRecord> records = event.getRecords() == null ? List.of() : event.getRecords();
    int failAt = records.size();
    List<Plan> plans = new ArrayList<>();
    for (int i = 0; i < records.size(); i++) {
      try {
        plans.add(plan(records.get(i)));
      } catch (RuntimeException e) {
        // A record we cannot read stays failed: bisection isolates it, the retry cap and the
        // on-failure queue keep it, instead of dropping it here.
        LOG.error("cannot read stream record {} ({}): {}", sequence(records.get(i)), records.get(i).getEventName(),
            e.toString());
        failAt = i;
        break;
      }
    }
    List<StreamEvent> all = new ArrayList<>();
    List<Integer> owner = new ArrayList<>();
    for (int i = 0; i < failAt; i++) {
      for (StreamEvent e : plans.get(i).events()) {
        all.add(e);
        owner.add(i);
      }
    }
    int firstUnsent = events.putInOrder(all);
    if (firstUnsent >= 0) {
      failAt = Math.min(failAt, owner.get(firstUnsent));
    }
    int sweepsScheduled = 0;
    for (int i = 0; i < failAt; i++) {
      StreamRecord deleted = plans.get(i).deleted();
      if (deleted == null) {
        continue;
      }
      MDC.put("streamId", deleted.id().value());
      try {
        sweeps.schedule(deleted.id(), deleted.deletedAt().orElseThrow(), config.sweepGraceS(), clock.millis());
        sweepsScheduled++;
        LOG.info("stream deleted: media sweep scheduled in {} s", config.sweepGraceS());
      } catch (SdkException e) {
        LOG.warn("cannot schedule the media sweep: {}", e.toString());
        failAt = i;
      } finally {
        MDC.remove("streamId");
      }
    }
    int published = firstUnsent < 0 ? all.size() : firstUnsent;
    int failedRecords = records.size() - failAt;
    // Live viewers of the API's status socket get what EventBridge got (a retried record pushes again).
    String pushed = pusher.map(p -> p.push(all.subList(0, published)).toString()).orElse("off");
    LOG.info("{} stream records: {} events published, {} sweeps scheduled, {} records left for retry, push {}",
        records.size(), published, sweepsScheduled, failedRecords, pushed);
    if (emf) {
      System.out.println(new EmfLine().dimension(MetricNames.SERVICE, MetricNames.API)
          .metric(EVENTS_PUBLISHED, published, "Count").metric(RECORDS_FAILED, failedRecords, "Count")
          .toJson(clock.millis()));
    }
    List<StreamsEventResponse.BatchItemFailure> failures = failAt < records.size()
        ? List.of(new StreamsEventResponse.BatchItemFailure(sequence(records.get(failAt)))) : List.of();
    return new StreamsEventResponse(failures);
  }

  private Plan plan(DynamodbEvent.DynamodbStreamRecord r) {
    var change = r.getDynamodb();
    if (change == null) {
      throw new IllegalArgumentException("record without a dynamodb change");
    }
    StreamRecord before = StreamImages.record(change.getOldImage());
    StreamRecord after = StreamImages.record(change.getNewImage());
    if (before == null && after == null) {
      throw new IllegalArgumentException("record without images: is the stream view NEW_AND_OLD_IMAGES?");
    }
    long at = change.getApproximateCreationDateTime() != null ? change.getApproximateCreationDateTime().getTime()
        : clock.millis();
    List<StreamEvent> out = transitions.between(before == null ? null : StreamSnapshot.written(before),
        after == null ? null : StreamSnapshot.written(after), at);
    boolean freshlyDeleted = after != null && after.deletedAt().isPresent()
        && (before == null || before.deletedAt().isEmpty());
    return new Plan(out, freshlyDeleted ? after : null);
  }

  private static String sequence(DynamodbEvent.DynamodbStreamRecord r) {
    return r.getDynamodb() == null ? r.getEventID() : r.getDynamodb().getSequenceNumber();
  }
}
