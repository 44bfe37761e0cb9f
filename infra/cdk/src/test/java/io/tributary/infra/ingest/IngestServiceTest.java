package io.tributary.infra.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.infra.Synth;
import io.tributary.infra.Templates;
import io.tributary.infra.config.ServiceContract;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

class IngestServiceTest {
  private final Template t = Synth.defaults().template();
  private final Template tls = Synth.variant().template();

  @Test
  void internetFacingNlbWithRtmpOnlyWithoutCertificate() {
    t.hasResourceProperties("AWS::ElasticLoadBalancingV2::LoadBalancer", Match.objectLike(Map.of(
        "Type", "network", "Scheme", "internet-facing")));
    t.resourceCountIs("AWS::ElasticLoadBalancingV2::Listener", 1);
    t.hasResourceProperties("AWS::ElasticLoadBalancingV2::Listener", Match.objectLike(Map.of(
        "Port", 1935, "Protocol", "TCP")));
  }

  @Test
  void certificateAddsRtmpsOnTheSameTargets() {
    tls.resourceCountIs("AWS::ElasticLoadBalancingV2::Listener", 2);
    tls.resourceCountIs("AWS::ElasticLoadBalancingV2::TargetGroup", 1);
    tls.hasResourceProperties("AWS::ElasticLoadBalancingV2::Listener", Match.objectLike(Map.of(
        "Port", 443, "Protocol", "TLS",
        "Certificates", List.of(Map.of("CertificateArn", Synth.variant().config().certificateArn().get())),
        "SslPolicy", "ELBSecurityPolicy-TLS13-1-2-2021-06")));
  }

  @Test
  void healthCheckedOnTheHttpPortAndDrainedSlowly() {
    t.hasResourceProperties("AWS::ElasticLoadBalancingV2::TargetGroup", Match.objectLike(Map.of(
        "Port", ServiceContract.INGEST_RTMP_PORT, "Protocol", "TCP", "TargetType", "ip",
        "HealthCheckProtocol", "HTTP",
        "HealthCheckPort", Integer.toString(ServiceContract.INGEST_HEALTH_PORT),
        "HealthCheckPath", "/health",
        "TargetGroupAttributes", Match.arrayWith(List.of(
            Map.of("Key", "deregistration_delay.timeout_seconds", "Value", "600"),
            Map.of("Key", "preserve_client_ip.enabled", "Value", "true"))))));
  }

  @Test
  void nlbAccessLogsGoToTheLogBucket() {
    String lb = Templates.text(Templates.properties(Templates.one(t, "AWS::ElasticLoadBalancingV2::LoadBalancer",
        "IngestNlb")).get("LoadBalancerAttributes"));
    assertTrue(lb.contains("{\"Key\":\"access_logs.s3.enabled\",\"Value\":\"true\"}"), lb);
    assertTrue(lb.contains("AccessLogsBucket"), lb);
  }

  @Test
  void containerExposesRtmpAndHealthAndStopsWithinFargateLimit() {
    t.hasResourceProperties("AWS::ECS::TaskDefinition", Match.objectLike(Map.of(
        "RequiresCompatibilities", List.of("FARGATE"),
        "ContainerDefinitions", List.of(Match.objectLike(Map.of(
            "Name", IngestService.CONTAINER,
            "StopTimeout", 120,
            "PortMappings", List.of(
                Match.objectLike(Map.of("ContainerPort", 1935, "Protocol", "tcp")),
                Match.objectLike(Map.of("ContainerPort", 8086, "Protocol", "tcp")))))))));
  }

  @Test
  void servicePublicIpNoNatAndRollbackOnFailedDeploys() {
    Map<String, Object> svc = Templates.properties(Templates.one(t, "AWS::ECS::Service", "IngestService"));
    String text = Templates.text(svc);
    assertTrue(text.contains("\"AssignPublicIp\":\"ENABLED\""), text);
    assertTrue(text.contains("\"DeploymentCircuitBreaker\":{\"Enable\":true,\"Rollback\":true}"), text);
    assertEquals(1, svc.get("DesiredCount"));
  }

  @Test
  void tasksAcceptTrafficOnlyFromTheNlb() {
    t.resourceCountIs("AWS::EC2::SecurityGroupIngress", 2);
    Templates.resources(t, "AWS::EC2::SecurityGroupIngress").values().forEach(r -> {
      String ingress = Templates.text(Templates.properties(r));
      assertTrue(ingress.contains("\"SourceSecurityGroupId\":{\"Fn::GetAtt\":[\"IngestNlbSecurity"), ingress);
    });
    String nlbGroup = Templates.text(Templates.one(tls, "AWS::EC2::SecurityGroup", "IngestNlbSecurity"));
    assertTrue(nlbGroup.contains("\"FromPort\":1935"), nlbGroup);
    assertTrue(nlbGroup.contains("\"FromPort\":443"), nlbGroup);
  }

  @Test
  void scalesOnCpuAndOnPublishersPerTask() {
    t.hasResourceProperties("AWS::ApplicationAutoScaling::ScalableTarget", Match.objectLike(Map.of(
        "MinCapacity", 1, "MaxCapacity", 4, "ScalableDimension", "ecs:service:DesiredCount")));
    t.hasResourceProperties("AWS::ApplicationAutoScaling::ScalingPolicy", Match.objectLike(Map.of(
        "PolicyType", "TargetTrackingScaling",
        "TargetTrackingScalingPolicyConfiguration", Match.objectLike(Map.of(
            "PredefinedMetricSpecification", Map.of("PredefinedMetricType", "ECSServiceAverageCPUUtilization"),
            "TargetValue", IngestService.CPU_TARGET_PERCENT)))));
    // Connections per task from the NLB: active flows / healthy targets, no app metric needed.
    Map<String, Object> connections = Templates.properties(Templates.one(t,
        "AWS::ApplicationAutoScaling::ScalingPolicy", "IngestConnectionsPerTask"));
    String spec = Templates.text(connections.get("TargetTrackingScalingPolicyConfiguration"));
    assertTrue(spec.contains("\"TargetValue\":20"), spec);
    assertTrue(spec.contains("\"Expression\":\"" + ConnectionsPerTask.EXPRESSION + "\""), spec);
    assertTrue(spec.contains("\"MetricName\":\"ActiveFlowCount\",\"Namespace\":\"AWS/NetworkELB\""), spec);
    assertTrue(spec.contains("\"MetricName\":\"HealthyHostCount\",\"Namespace\":\"AWS/NetworkELB\""), spec);
    assertTrue(spec.contains("IngestRtmp"), spec);
    assertTrue(Templates.text(connections.get("ScalingTargetId")).contains("IngestServiceTaskCountTarget"));
    tls.hasResourceProperties("AWS::ApplicationAutoScaling::ScalableTarget", Match.objectLike(Map.of(
        "MaxCapacity", 8, "ScalableDimension", "ecs:service:DesiredCount")));
  }
}
