package io.tributary.infra.ingest;

import io.tributary.infra.compute.ServiceTask;
import io.tributary.infra.config.InfraConfig;
import io.tributary.infra.config.ServiceContract;
import io.tributary.infra.nag.Nag;
import io.tributary.infra.network.Network;
import io.tributary.infra.storage.AccessLogs;
import io.tributary.infra.storage.JobQueue;
import io.tributary.infra.storage.MediaBuckets;
import io.tributary.infra.storage.ResourceEnv;
import io.tributary.infra.storage.Tables;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import software.amazon.awscdk.ArnComponents;
import software.amazon.awscdk.ArnFormat;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.ec2.Peer;
import software.amazon.awscdk.services.ec2.Port;
import software.amazon.awscdk.services.ec2.SecurityGroup;
import software.amazon.awscdk.services.ecs.Cluster;
import software.amazon.awscdk.services.ecs.CpuUtilizationScalingProps;
import software.amazon.awscdk.services.ecs.DeploymentCircuitBreaker;
import software.amazon.awscdk.services.applicationautoscaling.CfnScalableTarget;
import software.amazon.awscdk.services.applicationautoscaling.EnableScalingProps;
import software.amazon.awscdk.services.ecs.FargateService;
import software.amazon.awscdk.services.ecs.FargateTaskDefinition;
import software.amazon.awscdk.services.ecs.LoadBalancerTargetOptions;
import software.amazon.awscdk.services.ecs.PortMapping;
import software.amazon.awscdk.services.ecs.ScalableTaskCount;
import software.amazon.awscdk.services.elasticloadbalancingv2.BaseNetworkListenerProps;
import software.amazon.awscdk.services.elasticloadbalancingv2.HealthCheck;
import software.amazon.awscdk.services.elasticloadbalancingv2.ListenerCertificate;
import software.amazon.awscdk.services.elasticloadbalancingv2.NetworkLoadBalancer;
import software.amazon.awscdk.services.elasticloadbalancingv2.NetworkTargetGroup;
import software.amazon.awscdk.services.elasticloadbalancingv2.SslPolicy;
import software.amazon.awscdk.services.elasticloadbalancingv2.TargetType;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.constructs.Construct;
import software.constructs.IConstruct;

/**
 * RTMP ingest: a Fargate service from {@code ingest-fargate/Dockerfile} behind an internet-facing
 * NLB — TCP 1935 for RTMP and, with a certificate, TLS 443 (RTMPS) terminated at the NLB and
 * forwarded to the same port. Health checks hit the container's HTTP health port, not RTMP.
 *
 * <p>Draining: ECS deregisters a stopping task from the target group and waits the deregistration
 * delay ({@code ingestDrainSeconds}) before SIGTERM, so publishers get that long to finish or
 * reconnect elsewhere; then the app's own drain closes chunks within the container stop timeout
 * (120 s, Fargate's maximum). Autoscaling never stops a task that holds scale-in protection,
 * which ingest sets while publishers are connected.
 */
public final class IngestService extends Construct {
  public static final String CONTAINER = "ingest";
  /** Fargate caps the stop timeout at 120 s. */
  public static final int STOP_TIMEOUT_SECONDS = 120;
  public static final int CPU_TARGET_PERCENT = 60;

  private final FargateService service;
  private final NetworkLoadBalancer nlb;
  private final NetworkTargetGroup targetGroup;
  private final Optional<String> rtmpsHost;

  public IngestService(Construct scope, String id, InfraConfig config, Network network, Cluster cluster,
                       Path image, ResourceEnv env, MediaBuckets buckets, JobQueue jobs, Tables tables,
                       AccessLogs logs) {
    super(scope, id);
    ServiceTask parts = ServiceTask.create(this, 1024, 2048, env);
    FargateTaskDefinition task = parts.task();
    parts.environment().put(ServiceContract.EMF, "true");
    // Uploads get most of the 120 s stop timeout; the JVM needs the rest to exit.
    parts.environment().put(ServiceContract.INGEST_DRAIN_TIMEOUT_MS,
        Integer.toString((STOP_TIMEOUT_SECONDS - 20) * 1000));
    parts.addContainer(CONTAINER, image, Duration.seconds(STOP_TIMEOUT_SECONDS), List.of(
        PortMapping.builder().containerPort(ServiceContract.INGEST_RTMP_PORT).build(),
        PortMapping.builder().containerPort(ServiceContract.INGEST_HEALTH_PORT).build()));
    Nag.suppress(task, "AwsSolutions-ECS2", "The environment holds resource names and the region only; "
        + "ingest reads no secret.");
    grant(task, cluster, buckets, jobs, tables);

    SecurityGroup nlbSecurity = SecurityGroup.Builder.create(this, "NlbSecurity")
        .vpc(network.vpc()).description("Encoders anywhere may connect to RTMP/RTMPS").build();
    nlbSecurity.addIngressRule(Peer.anyIpv4(), Port.tcp(ServiceContract.INGEST_RTMP_PORT), "RTMP");
    config.certificateArn().ifPresent(arn -> nlbSecurity.addIngressRule(Peer.anyIpv4(), Port.tcp(443), "RTMPS"));
    Nag.suppress(nlbSecurity, "AwsSolutions-EC23", "Public ingest endpoint: encoders connect from anywhere, "
        + "and every publish is authorised by its stream key.");
    SecurityGroup taskSecurity = SecurityGroup.Builder.create(this, "TaskSecurity")
        .vpc(network.vpc()).description("Ingest tasks: RTMP and health from the NLB only").build();
    taskSecurity.addIngressRule(nlbSecurity, Port.tcp(ServiceContract.INGEST_RTMP_PORT), "RTMP from the NLB");
    taskSecurity.addIngressRule(nlbSecurity, Port.tcp(ServiceContract.INGEST_HEALTH_PORT), "Health checks");

    service = FargateService.Builder.create(this, "Service")
        .cluster(cluster)
        .taskDefinition(task)
        .desiredCount(config.ingestMinTasks())
        .assignPublicIp(true)
        .vpcSubnets(network.publicSubnets())
        .securityGroups(List.of(taskSecurity))
        .minHealthyPercent(100)
        .maxHealthyPercent(200)
        .circuitBreaker(DeploymentCircuitBreaker.builder().rollback(true).build())
        .healthCheckGracePeriod(Duration.seconds(60))
        .build();

    nlb = NetworkLoadBalancer.Builder.create(this, "Nlb")
        .vpc(network.vpc())
        .internetFacing(true)
        .vpcSubnets(network.publicSubnets())
        .crossZoneEnabled(true)
        .securityGroups(List.of(nlbSecurity))
        .build();
    // NLBs write access logs for TLS listeners only: RTMPS connections get logged, RTMP ones cannot.
    nlb.setAttribute("access_logs.s3.enabled", "true");
    nlb.setAttribute("access_logs.s3.bucket", logs.bucket().getBucketName());
    nlb.setAttribute("access_logs.s3.prefix", "nlb");
    nlb.getNode().addDependency(logs.allowLogDelivery("nlb"));
    targetGroup = NetworkTargetGroup.Builder.create(this, "Rtmp")
        .vpc(network.vpc())
        .port(ServiceContract.INGEST_RTMP_PORT)
        .protocol(software.amazon.awscdk.services.elasticloadbalancingv2.Protocol.TCP)
        .targetType(TargetType.IP)
        .deregistrationDelay(Duration.seconds(config.ingestDrainSeconds()))
        // The per-IP connection cap in ingest must see the encoder's address, not the NLB's.
        .preserveClientIp(true)
        .healthCheck(HealthCheck.builder()
            .protocol(software.amazon.awscdk.services.elasticloadbalancingv2.Protocol.HTTP)
            .port(Integer.toString(ServiceContract.INGEST_HEALTH_PORT))
            .path(ServiceContract.INGEST_HEALTH_PATH)
            .interval(Duration.seconds(10))
            .healthyThresholdCount(2)
            .unhealthyThresholdCount(2)
            .build())
        .build();
    targetGroup.addTarget(service.loadBalancerTarget(LoadBalancerTargetOptions.builder()
        .containerName(CONTAINER).containerPort(ServiceContract.INGEST_RTMP_PORT).build()));
    nlb.addListener("RtmpListener", BaseNetworkListenerProps.builder()
        .port(ServiceContract.INGEST_RTMP_PORT)
        .protocol(software.amazon.awscdk.services.elasticloadbalancingv2.Protocol.TCP)
        .defaultTargetGroups(List.of(targetGroup))
        .build());
    config.certificateArn().ifPresent(arn -> nlb.addListener("RtmpsListener", BaseNetworkListenerProps.builder()
        .port(443)
        .protocol(software.amazon.awscdk.services.elasticloadbalancingv2.Protocol.TLS)
        .certificates(List.of(ListenerCertificate.fromArn(arn)))
        .sslPolicy(SslPolicy.RECOMMENDED_TLS)
        .defaultTargetGroups(List.of(targetGroup))
        .build()));
    rtmpsHost = config.certificateArn().map(arn -> config.ingestDomain().orElse(nlb.getLoadBalancerDnsName()));

    ScalableTaskCount scaling = service.autoScaleTaskCount(EnableScalingProps.builder()
        .minCapacity(config.ingestMinTasks()).maxCapacity(config.ingestMaxTasks()).build());
    scaling.scaleOnCpuUtilization("Cpu", CpuUtilizationScalingProps.builder()
        .targetUtilizationPercent(CPU_TARGET_PERCENT)
        .scaleOutCooldown(Duration.minutes(1)).scaleInCooldown(Duration.minutes(10)).build());
    new ConnectionsPerTask(this, "ConnectionsPerTask", scalableTarget(scaling), nlb, targetGroup,
        config.publishersPerIngestTask());
  }

  private static CfnScalableTarget scalableTarget(ScalableTaskCount scaling) {
    for (IConstruct c : scaling.getNode().findAll()) {
      if (c instanceof CfnScalableTarget t) {
        return t;
      }
    }
    throw new IllegalStateException("ScalableTaskCount without a CfnScalableTarget");
  }

  private void grant(FargateTaskDefinition task, Cluster cluster, MediaBuckets buckets, JobQueue jobs,
                     Tables tables) {
    var role = task.getTaskRole();
    buckets.allowChunkWrites(role);
    jobs.queue().grantSendMessages(role);
    // Keys: look up by hash, stamp lastUsedAt. Never query, never create a key.
    Tables.allow(role, tables.keys(), List.of("dynamodb:GetItem", "dynamodb:UpdateItem"));
    // Streams: read config, take the lease and seq counter, write health.
    Tables.allow(role, tables.streams(), List.of("dynamodb:GetItem", "dynamodb:UpdateItem"));
    Tables.allow(role, tables.sessions(), List.of("dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem"));
    Tables.allow(role, tables.metrics(), List.of("dynamodb:PutItem", "dynamodb:BatchWriteItem"));
    // Task scale-in protection. The ECS agent endpoint ($ECS_AGENT_URI/task-protection/v1/state)
    // that ingest calls authenticates the task itself and needs no IAM; this grant covers the
    // equivalent UpdateTaskProtection API call, limited to this cluster's tasks.
    String tasksOfCluster = Stack.of(this).formatArn(ArnComponents.builder()
        .service("ecs").resource("task").resourceName(cluster.getClusterName() + "/*")
        .arnFormat(ArnFormat.SLASH_RESOURCE_NAME).build());
    role.addToPrincipalPolicy(PolicyStatement.Builder.create()
        .actions(List.of("ecs:UpdateTaskProtection", "ecs:GetTaskProtection"))
        .resources(List.of(tasksOfCluster))
        .build());
    Nag.suppress(role, "AwsSolutions-IAM5", "Task ids exist only at run time; the grant is bounded to this "
        + "cluster's tasks.", "Resource::arn:<AWS::Partition>:ecs:<AWS::Region>:<AWS::AccountId>:task/<"
        + Stack.of(this).getLogicalId((software.amazon.awscdk.CfnElement) cluster.getNode().getDefaultChild()) + ">/*");
    Nag.suppress(task.obtainExecutionRole(), "AwsSolutions-IAM5", "ecr:GetAuthorizationToken has no "
        + "resource-level permissions; image pulls and log writes are scoped by CDK.", "Resource::*");
  }

  public FargateService service() {
    return service;
  }

  public NetworkLoadBalancer nlb() {
    return nlb;
  }

  public NetworkTargetGroup targetGroup() {
    return targetGroup;
  }

  /** Publish base: {@code rtmp://<nlb>:1935} (append {@code /live/<key>}). */
  public String rtmpUrl() {
    return "rtmp://" + nlb.getLoadBalancerDnsName() + ":" + ServiceContract.INGEST_RTMP_PORT;
  }

  /** {@code rtmps://<domain>:443} when a certificate is configured. */
  public Optional<String> rtmpsUrl() {
    return rtmpsHost.map(h -> "rtmps://" + h + ":443");
  }

  /** What the API should print in publish URLs: RTMPS when available. */
  public String publishBaseUrl() {
    return rtmpsUrl().orElse(rtmpUrl());
  }
}
