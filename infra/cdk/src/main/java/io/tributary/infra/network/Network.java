package io.tributary.infra.network;

import java.util.List;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.ec2.FlowLogDestination;
import software.amazon.awscdk.services.ec2.FlowLogOptions;
import software.amazon.awscdk.services.ec2.FlowLogTrafficType;
import software.amazon.awscdk.services.ec2.GatewayVpcEndpointAwsService;
import software.amazon.awscdk.services.ec2.GatewayVpcEndpointOptions;
import software.amazon.awscdk.services.ec2.SubnetConfiguration;
import software.amazon.awscdk.services.ec2.SubnetSelection;
import software.amazon.awscdk.services.ec2.SubnetType;
import software.amazon.awscdk.services.ec2.Vpc;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.constructs.Construct;

/**
 * A VPC over two AZs with public subnets only, no NAT gateway.
 *
 * <p>Why no NAT: the only things in the VPC are Fargate tasks (ingest behind the NLB, transcode
 * workers) and they need outbound access to ECR, CloudWatch Logs, SQS and Secrets Manager. One NAT
 * gateway costs about $32.85/month plus $0.045/GB processed (us-east-1), and two for AZ
 * independence twice that; a public IPv4 address on each task costs $0.005/h ($3.65/month) and
 * processes nothing. Tasks keep no inbound exposure beyond their security groups (ingest only
 * from the NLB, workers none). S3 and DynamoDB carry the bulk of task traffic (chunks, segments,
 * index writes), so gateway endpoints, which are free, keep it off the internet path and let a
 * later move to private subnets happen without a data-processing bill. Lambdas stay outside the
 * VPC: they reach only regional AWS APIs.
 */
public final class Network extends Construct {
  private final Vpc vpc;

  public Network(Construct scope, String id) {
    super(scope, id);
    vpc = Vpc.Builder.create(this, "Vpc")
        .maxAzs(2)
        .natGateways(0)
        .subnetConfiguration(List.of(SubnetConfiguration.builder()
            .name("public").subnetType(SubnetType.PUBLIC).cidrMask(22).mapPublicIpOnLaunch(false).build()))
        .build();
    vpc.addGatewayEndpoint("S3", GatewayVpcEndpointOptions.builder().service(GatewayVpcEndpointAwsService.S3).build());
    vpc.addGatewayEndpoint("DynamoDb",
        GatewayVpcEndpointOptions.builder().service(GatewayVpcEndpointAwsService.DYNAMODB).build());
    // Rejected flows only: enough to debug a security group, at a fraction of the ALL-traffic
    // ingestion cost (every RTMP flow would be a record).
    LogGroup flowLogs = LogGroup.Builder.create(this, "FlowLogs")
        .retention(RetentionDays.ONE_MONTH).removalPolicy(RemovalPolicy.DESTROY).build();
    vpc.addFlowLog("Rejected", FlowLogOptions.builder()
        .destination(FlowLogDestination.toCloudWatchLogs(flowLogs)).trafficType(FlowLogTrafficType.REJECT).build());
  }

  public Vpc vpc() {
    return vpc;
  }

  /** Where tasks and the NLB go. */
  public SubnetSelection publicSubnets() {
    return SubnetSelection.builder().subnetType(SubnetType.PUBLIC).build();
  }
}
