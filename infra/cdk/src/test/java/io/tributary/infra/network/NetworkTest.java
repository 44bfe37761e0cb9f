package io.tributary.infra.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.infra.Synth;
import io.tributary.infra.Templates;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

class NetworkTest {
  private final Template t = Synth.defaults().template();

  @Test
  void twoPublicSubnetsInTwoAzsAndNoNat() {
    t.resourceCountIs("AWS::EC2::VPC", 1);
    t.resourceCountIs("AWS::EC2::Subnet", 2);
    t.resourceCountIs("AWS::EC2::NatGateway", 0);
    t.resourceCountIs("AWS::EC2::EIP", 0);
    List<String> azs = Templates.resources(t, "AWS::EC2::Subnet").values().stream()
        .map(s -> Templates.text(Templates.properties(s).get("AvailabilityZone"))).distinct().toList();
    assertEquals(2, azs.size(), azs.toString());
    // Tasks get a public IP by their service setting, not by subnet default.
    t.allResourcesProperties("AWS::EC2::Subnet", Map.of("MapPublicIpOnLaunch", false));
  }

  @Test
  void gatewayEndpointsForS3AndDynamoDb() {
    t.resourceCountIs("AWS::EC2::VPCEndpoint", 2);
    String endpoints = Templates.text(Templates.resources(t, "AWS::EC2::VPCEndpoint"));
    assertTrue(endpoints.contains(".s3\""), endpoints);
    assertTrue(endpoints.contains(".dynamodb\""), endpoints);
    t.allResourcesProperties("AWS::EC2::VPCEndpoint", Map.of("VpcEndpointType", "Gateway"));
  }

  @Test
  void rejectedFlowsAreLogged() {
    t.hasResourceProperties("AWS::EC2::FlowLog", Map.of("TrafficType", "REJECT",
        "LogDestinationType", "cloud-watch-logs", "ResourceType", "VPC"));
    t.hasResourceProperties("AWS::Logs::LogGroup", Match.objectLike(Map.of("RetentionInDays", 30)));
  }
}
