package io.tributary.infra.storage;

import io.tributary.core.resources.BucketSpec;
import io.tributary.core.resources.MediaKeys;
import io.tributary.infra.nag.Nag;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.s3.BlockPublicAccess;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.BucketEncryption;
import software.amazon.awscdk.services.s3.CorsRule;
import software.amazon.awscdk.services.s3.HttpMethods;
import software.amazon.awscdk.services.s3.LifecycleRule;
import software.amazon.awscdk.services.iam.IGrantable;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.constructs.Construct;
import software.constructs.IConstruct;

/**
 * The raw-chunk and media buckets, from core's {@link BucketSpec}s: private, SSE-S3, TLS-only,
 * access-logged. Raw chunks expire by the spec (a day: transcoded within seconds, kept for replay);
 * media expires after {@code mediaRetentionDays} when set, else stays (recordings).
 *
 * <p>Both are retained when the stack is deleted: CloudFormation cannot delete a non-empty bucket,
 * and media is the product. The raw bucket empties itself within a day by lifecycle.
 */
public final class MediaBuckets extends Construct {
  /** Top-level prefix of every raw chunk key (core MediaKeys.chunk): the only place ingest writes. */
  public static final String CHUNK_PREFIX = topLevel(MediaKeys.chunk("s", "x", 0));
  /** Top-level prefix of segments, init segments and thumbnails (core MediaKeys). */
  public static final String MEDIA_PREFIX = topLevel(MediaKeys.segment("s", "r", 0));

  private final Bucket raw;
  private final Bucket media;

  public MediaBuckets(Construct scope, String id, BucketSpec rawSpec, BucketSpec mediaSpec, int mediaRetentionDays,
                      AccessLogs logs) {
    super(scope, id);
    raw = bucket("Raw", rawSpec, rawSpec.expireAfterDays().orElse(0), logs);
    media = bucket("Media", mediaSpec,
        mediaRetentionDays > 0 ? mediaRetentionDays : mediaSpec.expireAfterDays().orElse(0), logs);
  }

  private Bucket bucket(String id, BucketSpec spec, int expireDays, AccessLogs logs) {
    List<LifecycleRule> rules = new ArrayList<>();
    // Multipart uploads of a killed task would otherwise be billed forever, invisibly.
    rules.add(LifecycleRule.builder().id("abort-incomplete-uploads")
        .abortIncompleteMultipartUploadAfter(Duration.days(1)).build());
    if (expireDays > 0) {
      rules.add(LifecycleRule.builder().id("expire").expiration(Duration.days(expireDays)).build());
    }
    Bucket.Builder b = Bucket.Builder.create(this, id)
        .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
        .encryption(BucketEncryption.S3_MANAGED)
        .enforceSsl(true)
        .serverAccessLogsBucket(logs.bucket())
        .serverAccessLogsPrefix("s3/" + id.toLowerCase() + "/")
        .lifecycleRules(rules)
        .removalPolicy(RemovalPolicy.RETAIN);
    if (spec.cors()) {
      // Viewers fetch through CloudFront, whose response headers policy sets CORS; this covers
      // presigned direct reads the API may hand out.
      b.cors(List.of(CorsRule.builder().allowedOrigins(List.of("*"))
          .allowedMethods(List.of(HttpMethods.GET, HttpMethods.HEAD)).allowedHeaders(List.of("*"))
          .maxAge(86_400).build()));
    }
    return b.build();
  }

  /** Ingest: put chunks (and abort its own multipart uploads), nothing else. */
  public void allowChunkWrites(IGrantable grantee) {
    allow(grantee, raw, CHUNK_PREFIX, "s3:PutObject", "s3:AbortMultipartUpload");
  }

  /** Transcode: read chunks. */
  public void allowChunkReads(IGrantable grantee) {
    allow(grantee, raw, CHUNK_PREFIX, "s3:GetObject");
  }

  /** Transcode: write segments, init segments and thumbnails. */
  public void allowMediaWrites(IGrantable grantee) {
    allow(grantee, media, MEDIA_PREFIX, "s3:PutObject", "s3:AbortMultipartUpload");
  }

  /**
   * The media sweep of deleted streams: list and delete under the chunk and media prefixes only
   * (ListBucket is a bucket action, bounded by an {@code s3:prefix} condition instead of a key).
   */
  public void allowStreamPurge(IGrantable grantee) {
    allow(grantee, raw, CHUNK_PREFIX, "s3:DeleteObject");
    allow(grantee, media, MEDIA_PREFIX, "s3:DeleteObject");
    for (var b : List.of(new Object[] {raw, CHUNK_PREFIX}, new Object[] {media, MEDIA_PREFIX})) {
      grantee.getGrantPrincipal().addToPrincipalPolicy(PolicyStatement.Builder.create()
          .actions(List.of("s3:ListBucket")).resources(List.of(((Bucket) b[0]).getBucketArn()))
          .conditions(Map.of("StringLike", Map.of("s3:prefix", b[1] + "*"))).build());
    }
  }

  /**
   * Object actions under one prefix. Keys below it are per stream, session and seq, so the
   * prefix wildcard is the narrowest possible bound; the cdk-nag finding is excused for it alone.
   */
  private static void allow(IGrantable grantee, Bucket bucket, String prefix, String... actions) {
    grantee.getGrantPrincipal().addToPrincipalPolicy(PolicyStatement.Builder.create()
        .actions(List.of(actions)).resources(List.of(bucket.arnForObjects(prefix + "*"))).build());
    if (grantee.getGrantPrincipal() instanceof IConstruct c) {
      Nag.suppress(c, "AwsSolutions-IAM5", "Object keys under " + prefix + " are per stream/session/seq; "
          + "the prefix is the narrowest bound (core MediaKeys).", Nag.arnResource(bucket, "/" + prefix + "*"));
    }
  }

  private static String topLevel(String key) {
    return key.substring(0, key.indexOf('/') + 1);
  }

  public Bucket raw() {
    return raw;
  }

  public Bucket media() {
    return media;
  }
}
