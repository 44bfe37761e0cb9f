package io.tributary.infra.transcode;

import io.tributary.infra.compute.ServiceTask;
import io.tributary.infra.config.InfraConfig;
import io.tributary.infra.config.ServiceContract;
import io.tributary.infra.nag.Nag;
import io.tributary.infra.network.Network;
import io.tributary.infra.storage.ResourceEnv;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.applicationautoscaling.AdjustmentType;
import software.amazon.awscdk.services.applicationautoscaling.ScalingInterval;
import software.amazon.awscdk.services.cloudwatch.IMetric;
import software.amazon.awscdk.services.cloudwatch.MathExpression;
import software.amazon.awscdk.services.ec2.SecurityGroup;
import software.amazon.awscdk.services.ecs.CapacityProviderStrategy;
import software.amazon.awscdk.services.ecs.Cluster;
import software.amazon.awscdk.services.ecs.DeploymentCircuitBreaker;
import software.amazon.awscdk.services.applicationautoscaling.EnableScalingProps;
import software.amazon.awscdk.services.ecs.FargateService;
import software.amazon.awscdk.services.ecs.FargateTaskDefinition;
import software.amazon.awscdk.services.ecs.ScalableTaskCount;
import software.amazon.awscdk.services.applicationautoscaling.BasicStepScalingPolicyProps;
import software.amazon.awscdk.services.sqs.Queue;
import software.constructs.Construct;

/**
 * Transcode workers on Fargate from {@code transcode-task/Dockerfile}: long-poll the job queue,
 * run ffmpeg, write segments. Scaled on the backlog per task: the step policy sets the task
 * count to ceil((visible + in-flight) / jobsPerTranscodeTask), down to {@code transcodeMinTasks}
 * (0 by default, so an idle deployment runs no worker). In-flight jobs count as backlog, so
 * scale-in never takes a worker that is mid-job while the queue merely looks empty.
 *
 * <p>Spot: jobs are idempotent and redelivered after the visibility timeout, and a worker
 * releases its jobs on SIGTERM (Spot gives two minutes), so most capacity runs on Fargate Spot
 * at about 30% of the on-demand price; one in four tasks stays on-demand so a Spot shortage
 * slows transcoding instead of stopping it.
 */
public final class TranscodeService extends Construct {
  public static final String CONTAINER = "transcode";
  /** Distinct task counts the step policy spells out; beyond this the last step jumps to the maximum. */
  static final int MAX_STEPS = 10;

  private final FargateService service;

  public TranscodeService(Construct scope, String id, InfraConfig config, Network network, Cluster cluster,
                          Path image, ResourceEnv env, TranscodeAccess access) {
    super(scope, id);
    // 2 vCPU: one x264 ladder job at a time, ffmpeg using both cores.
    ServiceTask parts = ServiceTask.create(this, 2048, 4096, env);
    FargateTaskDefinition task = parts.task();
    Map<String, String> environment = parts.environment();
    environment.put(ServiceContract.WORKER_CONCURRENCY, "1");
    environment.put(ServiceContract.EMF, "true");
    environment.put(ServiceContract.MAX_RECEIVE_COUNT, Integer.toString(access.jobs().spec().maxReceiveCount()));
    // Spot's notice and the stop timeout are both 120 s: finish the job in flight if it can.
    environment.put(ServiceContract.SHUTDOWN_GRACE_SECONDS, "100");
    parts.addContainer(CONTAINER, image, Duration.seconds(120), List.of());
    Nag.suppress(task, "AwsSolutions-ECS2", "The environment holds resource names, the region and the "
        + "worker concurrency; the worker reads no secret.");
    access.grantTo(task.getTaskRole());
    Nag.suppress(task.obtainExecutionRole(), "AwsSolutions-IAM5", "ecr:GetAuthorizationToken has no "
        + "resource-level permissions; image pulls and log writes are scoped by CDK.", "Resource::*");

    SecurityGroup security = SecurityGroup.Builder.create(this, "Security")
        .vpc(network.vpc()).description("Transcode workers: outbound only").build();
    FargateService.Builder b = FargateService.Builder.create(this, "Service")
        .cluster(cluster)
        .taskDefinition(task)
        .desiredCount(config.transcodeMinTasks())
        .assignPublicIp(true)
        .vpcSubnets(network.publicSubnets())
        .securityGroups(List.of(security))
        .minHealthyPercent(100)
        .maxHealthyPercent(200)
        .circuitBreaker(DeploymentCircuitBreaker.builder().rollback(true).build());
    if (config.transcodeSpot()) {
      b.capacityProviderStrategies(List.of(
          CapacityProviderStrategy.builder().capacityProvider("FARGATE_SPOT").weight(3).build(),
          CapacityProviderStrategy.builder().capacityProvider("FARGATE").weight(1).build()));
    }
    service = b.build();
    // A strategy naming FARGATE_SPOT fails unless the cluster's provider association exists first.
    service.getNode().addDependency(cluster);

    ScalableTaskCount scaling = service.autoScaleTaskCount(EnableScalingProps.builder()
        .minCapacity(config.transcodeMinTasks()).maxCapacity(config.transcodeMaxTasks()).build());
    scaling.scaleOnMetric("Backlog", BasicStepScalingPolicyProps.builder()
        .metric(backlog(access.jobs().queue()))
        .adjustmentType(AdjustmentType.EXACT_CAPACITY)
        .scalingSteps(steps(config.transcodeMinTasks(), config.transcodeMaxTasks(), config.jobsPerTranscodeTask()))
        .evaluationPeriods(1)
        .cooldown(Duration.minutes(1))
        .build());
  }

  /** Jobs waiting plus jobs being worked on. */
  public static IMetric backlog(Queue queue) {
    return MathExpression.Builder.create()
        .label("Jobs visible + in flight")
        .expression("visible + inflight")
        .usingMetrics(Map.of(
            "visible", queue.metricApproximateNumberOfMessagesVisible(),
            "inflight", queue.metricApproximateNumberOfMessagesNotVisible()))
        .period(Duration.minutes(1))
        .build();
  }

  /**
   * Exact task counts by backlog b: 0 → min; k tasks for b in [(k-1)·J + 1, k·J + 1); the last
   * step is open-ended at the maximum. Counts never drop below min.
   */
  static List<ScalingInterval> steps(int min, int max, int jobsPerTask) {
    List<ScalingInterval> steps = new ArrayList<>();
    steps.add(ScalingInterval.builder().upper(1).change(min).build());
    int distinct = Math.min(max, MAX_STEPS);
    for (int k = 1; k <= distinct; k++) {
      int lower = (k - 1) * jobsPerTask + 1;
      int tasks = k == distinct ? max : Math.max(k, min);
      ScalingInterval.Builder step = ScalingInterval.builder().lower(lower).change(tasks);
      if (k < distinct) {
        step.upper(k * jobsPerTask + 1);
      }
      steps.add(step.build());
    }
    return steps;
  }

  public FargateService service() {
    return service;
  }
}
