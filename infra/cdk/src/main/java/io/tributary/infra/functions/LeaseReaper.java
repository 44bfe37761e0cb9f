package io.tributary.infra.functions;

import io.tributary.core.resources.StreamsTable;
import io.tributary.infra.storage.ResourceEnv;
import io.tributary.infra.storage.Tables;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.ArnComponents;
import software.amazon.awscdk.ArnFormat;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.ecs.ICluster;
import software.amazon.awscdk.services.events.EventPattern;
import software.amazon.awscdk.services.events.Rule;
import software.amazon.awscdk.services.events.targets.LambdaFunction;
import software.amazon.awscdk.services.events.targets.LambdaFunctionProps;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.lambda.EventInvokeConfigOptions;
import software.amazon.awscdk.services.lambda.destinations.SqsDestination;
import software.amazon.awscdk.services.sqs.Queue;
import software.constructs.Construct;

/**
 * Ends a crashed ingest task's publishes at once: an EventBridge rule on the default bus matches
 * ECS "Task State Change" events of ingest's task definition family in ingest's cluster with
 * {@code lastStatus} STOPPED, and invokes the API jar's {@value #HANDLER}, which ends the sessions
 * whose lease that task held and releases the leases (conditional writes; the release reaches the
 * change stream as stream.ended). Without it an encoder reconnecting after a task crash is
 * refused until the lease runs out, and its stream shows LIVE meanwhile.
 *
 * <p>Delivery: EventBridge retries invoking for {@value #EVENT_MAX_AGE_HOURS} h / {@value
 * #EVENT_RETRIES} times, Lambda retries a failed asynchronous invocation {@value
 * #LAMBDA_RETRIES} times; what fails both ends in {@link #failures()} (the rule target's DLQ and
 * the function's on-failure destination), which alarms. The role may Query the streams table's
 * {@code byLeaseTask} index and UpdateItem the streams and sessions tables; nothing else but its
 * logs and that queue.
 */
public final class LeaseReaper extends Construct {
  public static final String HANDLER = "io.tributary.api.lambda.LeaseReaperHandler::handleRequest";
  /** Read by the handler (api ReaperHandlerConfig). */
  public static final String CLUSTER_ARN_ENV = "TRIBUTARY_INGEST_CLUSTER_ARN";
  public static final String TASK_FAMILY_ENV = "TRIBUTARY_INGEST_TASK_FAMILY";
  static final int EVENT_RETRIES = 20;
  static final int EVENT_MAX_AGE_HOURS = 2;
  static final int LAMBDA_RETRIES = 2;
  /** Past the lease (10 s) a reconnect gets in anyway; an event this old only ends the session record. */
  static final int LAMBDA_MAX_EVENT_AGE_HOURS = 6;

  private final Queue failures;
  private final JavaFunction function;
  private final Rule rule;

  public LeaseReaper(Construct scope, String id, Path apiJar, ResourceEnv env, Tables tables, ICluster cluster,
                     String ingestTaskFamily) {
    super(scope, id);
    failures = FailureQueue.destination(this, "Failures",
        "This queue is itself the dead-letter queue of the rule target "
        + "and the function's on-failure destination, read by operators.");

    Map<String, String> environment = new LinkedHashMap<>(env.variables());
    environment.put(CLUSTER_ARN_ENV, cluster.getClusterArn());
    environment.put(TASK_FAMILY_ENV, ingestTaskFamily);
    environment.put(StreamChanges.EMF_ENV, "true");
    function = new JavaFunction(this, "Handler", apiJar, HANDLER, 512, Duration.seconds(60), environment,
        "Tributary: an ingest task stopped -> end its sessions and release its publish leases");
    // Exactly the reaper's calls: the index query that lists a task's leases, the two conditional writes.
    function.function().addToRolePolicy(PolicyStatement.Builder.create()
        .actions(List.of("dynamodb:Query"))
        .resources(List.of(tables.streams().getTableArn() + "/index/" + StreamsTable.BY_LEASE_TASK))
        .build());
    Tables.allow(function.function(), tables.streams(), List.of("dynamodb:UpdateItem"));
    Tables.allow(function.function(), tables.sessions(), List.of("dynamodb:UpdateItem"));
    function.alias().configureAsyncInvoke(EventInvokeConfigOptions.builder()
        .retryAttempts(LAMBDA_RETRIES)
        .maxEventAge(Duration.hours(LAMBDA_MAX_EVENT_AGE_HOURS))
        .onFailure(new SqsDestination(failures))
        .build());

    String ingestTaskDefinitions = Stack.of(this).formatArn(ArnComponents.builder()
        .service("ecs").resource("task-definition").resourceName(ingestTaskFamily + ":")
        .arnFormat(ArnFormat.SLASH_RESOURCE_NAME).build());
    rule = Rule.Builder.create(this, "TaskStopped")
        .description("Ingest task STOPPED -> release its publish leases (LeaseReaperHandler)")
        .eventPattern(EventPattern.builder()
            .source(List.of("aws.ecs"))
            .detailType(List.of("ECS Task State Change"))
            .detail(Map.of(
                "clusterArn", List.of(cluster.getClusterArn()),
                "lastStatus", List.of("STOPPED"),
                // Event pattern prefix matching: any revision of ingest's task definition family.
                "taskDefinitionArn", List.of(Map.of("prefix", ingestTaskDefinitions))))
            .build())
        .targets(List.of(new LambdaFunction(function.alias(), LambdaFunctionProps.builder()
            .deadLetterQueue(failures)
            .retryAttempts(EVENT_RETRIES)
            .maxEventAge(Duration.hours(EVENT_MAX_AGE_HOURS))
            .build())))
        .build();
  }

  public Queue failures() {
    return failures;
  }

  public JavaFunction function() {
    return function;
  }

  public Rule rule() {
    return rule;
  }
}
