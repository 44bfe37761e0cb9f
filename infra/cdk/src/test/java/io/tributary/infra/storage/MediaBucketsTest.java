package io.tributary.infra.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.core.resources.MediaKeys;
import io.tributary.infra.Synth;
import io.tributary.infra.Templates;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

class MediaBucketsTest {
  private final Template t = Synth.defaults().template();

  @Test
  void everyBucketIsPrivateEncryptedAndRetained() {
    // raw, media, access logs
    t.resourceCountIs("AWS::S3::Bucket", 3);
    t.allResourcesProperties("AWS::S3::Bucket", Match.objectLike(Map.of(
        "PublicAccessBlockConfiguration", Map.of("BlockPublicAcls", true, "BlockPublicPolicy", true,
            "IgnorePublicAcls", true, "RestrictPublicBuckets", true),
        "BucketEncryption", Map.of("ServerSideEncryptionConfiguration",
            List.of(Map.of("ServerSideEncryptionByDefault", Map.of("SSEAlgorithm", "AES256")))))));
    t.allResources("AWS::S3::Bucket", Match.objectLike(Map.of("DeletionPolicy", "Retain")));
  }

  @Test
  void everyBucketRefusesPlainHttp() {
    Map<String, Map<String, Object>> policies = Templates.resources(t, "AWS::S3::BucketPolicy");
    assertEquals(3, policies.size());
    policies.values().forEach(p -> t.hasResourceProperties("AWS::S3::BucketPolicy", Match.objectLike(Map.of(
        "Bucket", Templates.properties(p).get("Bucket"),
        "PolicyDocument", Match.objectLike(Map.of("Statement", Match.arrayWith(List.of(Match.objectLike(Map.of(
            "Effect", "Deny", "Action", "s3:*",
            "Condition", Map.of("Bool", Map.of("aws:SecureTransport", "false"))))))))))));
  }

  @Test
  void rawChunksExpireAfterADayMediaIsKeptByDefault() {
    Map<String, Object> raw = Templates.properties(Templates.one(t, "AWS::S3::Bucket", "BucketsRaw"));
    String rawRules = Templates.text(raw.get("LifecycleConfiguration"));
    assertTrue(rawRules.contains("\"ExpirationInDays\":1,"), rawRules);
    assertTrue(rawRules.contains("\"AbortIncompleteMultipartUpload\":{\"DaysAfterInitiation\":1}"), rawRules);
    Map<String, Object> media = Templates.properties(Templates.one(t, "AWS::S3::Bucket", "BucketsMedia"));
    assertFalse(Templates.text(media.get("LifecycleConfiguration")).contains("ExpirationInDays"));
    assertTrue(media.containsKey("CorsConfiguration"), "media bucket has CORS (spec.cors)");
    assertFalse(raw.containsKey("CorsConfiguration"));
    assertTrue(Templates.text(raw.get("LoggingConfiguration")).contains("s3/raw/"));
  }

  @Test
  void mediaRetentionComesFromContext() {
    Template variant = Synth.variant().template();
    Map<String, Object> media = Templates.properties(Templates.one(variant, "AWS::S3::Bucket", "BucketsMedia"));
    assertTrue(Templates.text(media.get("LifecycleConfiguration")).contains("\"ExpirationInDays\":30"));
  }

  @Test
  void grantPrefixesFollowCoreKeyLayout() {
    assertTrue(MediaKeys.chunk("s", "x", 7).startsWith(MediaBuckets.CHUNK_PREFIX));
    assertTrue(MediaKeys.segment("s", "720p", 7).startsWith(MediaBuckets.MEDIA_PREFIX));
    assertTrue(MediaKeys.init("s", "720p", "x").startsWith(MediaBuckets.MEDIA_PREFIX));
    assertTrue(MediaKeys.thumbnail("s").startsWith(MediaBuckets.MEDIA_PREFIX));
    assertEquals("chunks/", MediaBuckets.CHUNK_PREFIX);
    assertEquals("live/", MediaBuckets.MEDIA_PREFIX);
  }
}
