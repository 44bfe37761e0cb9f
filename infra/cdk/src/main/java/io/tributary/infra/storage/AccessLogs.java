package io.tributary.infra.storage;

import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.constructs.IDependable;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.s3.BlockPublicAccess;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.BucketEncryption;
import software.amazon.awscdk.services.s3.LifecycleRule;
import software.amazon.awscdk.services.s3.ObjectOwnership;
import software.constructs.Construct;

/**
 * One bucket for S3 server access logs, CloudFront standard logs and NLB access logs, expiring
 * after 90 days. CloudFront's standard logging writes with object ACLs, hence
 * {@code BUCKET_OWNER_PREFERRED}; public access stays blocked.
 */
public final class AccessLogs extends Construct {
  public static final int RETENTION_DAYS = 90;
  private final Bucket bucket;

  public AccessLogs(Construct scope, String id) {
    super(scope, id);
    bucket = Bucket.Builder.create(this, "Bucket")
        .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
        .encryption(BucketEncryption.S3_MANAGED)
        .enforceSsl(true)
        .objectOwnership(ObjectOwnership.BUCKET_OWNER_PREFERRED)
        .lifecycleRules(List.of(LifecycleRule.builder().expiration(Duration.days(RETENTION_DAYS)).build()))
        // Logs outlive a stack deletion until their lifecycle empties the bucket.
        .removalPolicy(RemovalPolicy.RETAIN)
        .build();
  }

  /**
   * Lets the log delivery service (NLB access logs) write under {@code prefix}, for this account
   * only. Spelled out instead of {@code logAccessLogs}, which needs a concrete region to pick the
   * legacy per-region ELB account; NLBs deliver through the service principal in every region.
   *
   * @return the bucket policy, which the load balancer must depend on (ELB tests the write)
   */
  public IDependable allowLogDelivery(String prefix) {
    String account = Stack.of(this).getAccount();
    bucket.addToResourcePolicy(PolicyStatement.Builder.create()
        .principals(List.of(new ServicePrincipal("delivery.logs.amazonaws.com")))
        .actions(List.of("s3:PutObject"))
        .resources(List.of(bucket.arnForObjects(prefix + "/AWSLogs/" + account + "/*")))
        .conditions(Map.of(
            "StringEquals", Map.of("s3:x-amz-acl", "bucket-owner-full-control", "aws:SourceAccount", account)))
        .build());
    bucket.addToResourcePolicy(PolicyStatement.Builder.create()
        .principals(List.of(new ServicePrincipal("delivery.logs.amazonaws.com")))
        .actions(List.of("s3:GetBucketAcl"))
        .resources(List.of(bucket.getBucketArn()))
        .conditions(Map.of("StringEquals", Map.of("aws:SourceAccount", account)))
        .build());
    return bucket.getPolicy();
  }

  public Bucket bucket() {
    return bucket;
  }
}
