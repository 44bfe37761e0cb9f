package io.tributary.api.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import io.tributary.api.reaper.LeaseReaper;
import io.tributary.api.reaper.ReapResult;
import io.tributary.api.reaper.TaskStateChange;
import io.tributary.core.aws.AwsClients;
import io.tributary.core.aws.AwsSettings;
import io.tributary.core.metrics.EmfLine;
import io.tributary.core.metrics.MetricNames;
import io.tributary.core.resources.ResourceNames;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * AWS: when ECS reports an ingest task STOPPED (EventBridge rule on the default bus, source
 * {@code aws.ecs}, detail-type "ECS Task State Change"), ends the sessions that task still held
 * and releases their leases ({@link LeaseReaper}). Without it a crashed task's streams stay LIVE
 * until the lease runs out ({@code TRIBUTARY_INGEST_LEASE_MS}), refusing the encoder's reconnect
 * meanwhile, and no {@code stream.ended} is published until someone else writes the item; with
 * it the release is an item change like a clean unpublish, so the change stream publishes
 * {@code stream.ended}.
 *
 * <p>The event is read raw ({@link RequestStreamHandler}), so the handler sees the exact JSON
 * EventBridge sends. Anything but a STOPPED task of ingest's family in ingest's cluster is
 * ignored. A failure throws: Lambda retries the asynchronous invocation and then sends it to the
 * on-failure destination, which alarms; a retry redoes only what is left (conditional writes).
 * Handler string: {@code io.tributary.api.lambda.LeaseReaperHandler::handleRequest}, in the API's
 * Lambda jar. No Micronaut context: plain SDK clients.
 */
public class LeaseReaperHandler implements RequestStreamHandler {
  private static final Logger LOG = LoggerFactory.getLogger(LeaseReaperHandler.class);
  static final String LEASES_RELEASED = "IngestLeasesReaped";

  private final ReaperHandlerConfig config;
  private final LeaseReaper reaper;
  private final Clock clock;
  private final boolean emf;

  /** The Lambda runtime's constructor: everything from the environment. */
  public LeaseReaperHandler() {
    this(System.getenv());
  }

  public LeaseReaperHandler(Map<String, String> env) {
    this(env, Clock.systemUTC());
  }

  LeaseReaperHandler(Map<String, String> env, Clock clock) {
    this(ReaperHandlerConfig.fromEnv(env), new AwsClients(AwsSettings.fromEnv(env)), ResourceNames.fromEnv(env), clock,
        Boolean.parseBoolean(env.getOrDefault("TRIBUTARY_EMF", "false")));
  }

  private LeaseReaperHandler(ReaperHandlerConfig config, AwsClients clients, ResourceNames names, Clock clock,
                             boolean emf) {
    this(config, new LeaseReaper(clients.dynamo(), names, config.concurrency()), clock, emf);
  }

  public LeaseReaperHandler(ReaperHandlerConfig config, LeaseReaper reaper, Clock clock, boolean emf) {
    this.config = config;
    this.reaper = reaper;
    this.clock = clock;
    this.emf = emf;
  }

  @Override
  public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
    String outcome = handle(new String(input.readAllBytes(), StandardCharsets.UTF_8));
    output.write(("{\"outcome\":\"" + outcome + "\"}").getBytes(StandardCharsets.UTF_8));
  }

  /** One event; returns what was done, for the log and the (ignored) asynchronous response. */
  String handle(String eventJson) {
    Optional<TaskStateChange> parsed = TaskStateChange.parse(eventJson);
    if (parsed.isEmpty()) {
      LOG.info("ignored: not an ECS task state change");
      return "ignored";
    }
    TaskStateChange change = parsed.get();
    String task = change.task().taskId();
    if (!config.clusterArn().equals(change.clusterArn()) || !config.taskFamily().equals(change.family())) {
      LOG.info("ignored: task {} of family {} in {} is not an ingest task", task, change.family(),
          change.clusterArn());
      return "ignored";
    }
    if (!change.stopped()) {
      LOG.info("ignored: ingest task {} is {}, not STOPPED", task, change.lastStatus());
      return "ignored";
    }
    long now = clock.millis();
    ReapResult r = reaper.reap(task, now);
    LOG.info("ingest task {} stopped ({}), event {}: {} leases held, {} released, {} sessions ended", task,
        change.stopCode().orElse("no stop code"), change.eventId(), r.held(), r.released(), r.sessionsEnded());
    if (emf) {
      System.out.println(new EmfLine().dimension(MetricNames.SERVICE, MetricNames.API)
          .metric(LEASES_RELEASED, r.released(), "Count").toJson(now));
    }
    return "released " + r.released() + " of " + r.held();
  }
}
