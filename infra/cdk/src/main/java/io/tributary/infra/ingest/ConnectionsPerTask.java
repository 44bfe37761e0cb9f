package io.tributary.infra.ingest;

import java.util.List;
import software.amazon.awscdk.services.applicationautoscaling.CfnScalableTarget;
import software.amazon.awscdk.services.applicationautoscaling.CfnScalingPolicy;
import software.amazon.awscdk.services.applicationautoscaling.CfnScalingPolicy.TargetTrackingMetricDataQueryProperty;
import software.amazon.awscdk.services.applicationautoscaling.CfnScalingPolicy.TargetTrackingMetricDimensionProperty;
import software.amazon.awscdk.services.applicationautoscaling.CfnScalingPolicy.TargetTrackingMetricProperty;
import software.amazon.awscdk.services.applicationautoscaling.CfnScalingPolicy.TargetTrackingMetricStatProperty;
import software.amazon.awscdk.services.elasticloadbalancingv2.NetworkLoadBalancer;
import software.amazon.awscdk.services.elasticloadbalancingv2.NetworkTargetGroup;
import software.constructs.Construct;

/**
 * Target tracking on RTMP connections per ingest task, measured at the NLB: active flows divided
 * by healthy targets (metric math, which the CDK L2 target-tracking policy cannot express, hence
 * the L1). Needs nothing from the service itself, and an encoder is one long-lived flow, so the
 * ratio is publishers per task. CPU tracking runs beside it; the larger demand wins.
 */
public final class ConnectionsPerTask extends Construct {
  /** CloudWatch metric math: fall back to the flow count while no target is healthy (no division by 0). */
  public static final String EXPRESSION = "IF(hosts > 0, flows / hosts, flows)";

  public ConnectionsPerTask(Construct scope, String id, CfnScalableTarget target, NetworkLoadBalancer nlb,
                            NetworkTargetGroup targets, int perTask) {
    super(scope, id);
    TargetTrackingMetricDimensionProperty lb = TargetTrackingMetricDimensionProperty.builder()
        .name("LoadBalancer").value(nlb.getLoadBalancerFullName()).build();
    TargetTrackingMetricDimensionProperty tg = TargetTrackingMetricDimensionProperty.builder()
        .name("TargetGroup").value(targets.getTargetGroupFullName()).build();
    CfnScalingPolicy.Builder.create(this, "Policy")
        .policyName(id)
        .policyType("TargetTrackingScaling")
        .scalingTargetId(target.getRef())
        .targetTrackingScalingPolicyConfiguration(
            CfnScalingPolicy.TargetTrackingScalingPolicyConfigurationProperty.builder()
                .targetValue(perTask)
                .scaleOutCooldown(60)
                // Scale-in is slow on purpose: protected tasks cannot go anyway, and churn costs a deploy's drain.
                .scaleInCooldown(600)
                .customizedMetricSpecification(CfnScalingPolicy.CustomizedMetricSpecificationProperty.builder()
                    .metrics(List.of(
                        query("flows", "ActiveFlowCount", List.of(lb)),
                        query("hosts", "HealthyHostCount", List.of(lb, tg)),
                        TargetTrackingMetricDataQueryProperty.builder()
                            .id("perTask").expression(EXPRESSION).label("RTMP connections per task")
                            .returnData(true).build()))
                    .build())
                .build())
        .build();
  }

  private static TargetTrackingMetricDataQueryProperty query(String id, String metric,
                                                             List<TargetTrackingMetricDimensionProperty> dims) {
    return TargetTrackingMetricDataQueryProperty.builder()
        .id(id)
        .returnData(false)
        .metricStat(TargetTrackingMetricStatProperty.builder()
            .stat("Average")
            .metric(TargetTrackingMetricProperty.builder()
                .namespace("AWS/NetworkELB").metricName(metric).dimensions(dims).build())
            .build())
        .build();
  }
}
