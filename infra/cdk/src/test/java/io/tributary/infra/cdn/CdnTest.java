package io.tributary.infra.cdn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.infra.Synth;
import io.tributary.infra.Templates;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

class CdnTest {
  private final Template t = Synth.defaults().template();

  @SuppressWarnings("unchecked")
  private Map<String, Object> config() {
    return (Map<String, Object>) Templates.properties(Templates.one(t, "AWS::CloudFront::Distribution", "Cdn"))
        .get("DistributionConfig");
  }

  @SuppressWarnings("unchecked")
  private static String cachePolicyOf(Map<String, Object> behavior) {
    return (String) ((Map<String, Object>) behavior.get("CachePolicyId")).get("Ref");
  }

  @Test
  @SuppressWarnings("unchecked")
  void segmentsFromTheBucketManifestsFromThePlaylistFunction() {
    Map<String, Object> c = config();
    List<Map<String, Object>> origins = (List<Map<String, Object>>) c.get("Origins");
    assertEquals(2, origins.size());
    String s3Origin = (String) origins.stream().filter(o -> o.containsKey("S3OriginConfig")).findFirst()
        .orElseThrow().get("Id");
    String fnOrigin = (String) origins.stream().filter(o -> o.containsKey("CustomOriginConfig")).findFirst()
        .orElseThrow().get("Id");
    Map<String, Object> def = (Map<String, Object>) c.get("DefaultCacheBehavior");
    assertEquals(s3Origin, def.get("TargetOriginId"));
    assertTrue(cachePolicyOf(def).startsWith("CdnSegments"));
    List<Map<String, Object>> behaviors = (List<Map<String, Object>>) c.get("CacheBehaviors");
    for (String path : Cdn.MANIFEST_PATHS) {
      Map<String, Object> b = behaviors.stream().filter(x -> path.equals(x.get("PathPattern"))).findFirst()
          .orElseThrow(() -> new AssertionError("no behavior for " + path));
      assertEquals(fnOrigin, b.get("TargetOriginId"), path);
      assertTrue(cachePolicyOf(b).startsWith("CdnManifests"), path);
      // AllViewerExceptHostHeader: a Function URL refuses a foreign Host header.
      assertEquals("b689b0a8-53d0-40ab-baf2-68738e2966ac", b.get("OriginRequestPolicyId"), path);
    }
    Map<String, Object> thumb = behaviors.stream().filter(x -> Cdn.THUMBNAIL_PATH.equals(x.get("PathPattern")))
        .findFirst().orElseThrow();
    assertEquals(s3Origin, thumb.get("TargetOriginId"));
    for (Map<String, Object> b : behaviors) {
      assertEquals("redirect-to-https", b.get("ViewerProtocolPolicy"));
      assertTrue(Templates.text(b.get("ResponseHeadersPolicyId")).contains("CdnCors"));
    }
  }

  @Test
  void originAccessControlForBothOriginsAndTheirGrants() {
    t.hasResourceProperties("AWS::CloudFront::OriginAccessControl", Map.of("OriginAccessControlConfig",
        Match.objectLike(Map.of("OriginAccessControlOriginType", "s3", "SigningBehavior", "always"))));
    t.hasResourceProperties("AWS::CloudFront::OriginAccessControl", Map.of("OriginAccessControlConfig",
        Match.objectLike(Map.of("OriginAccessControlOriginType", "lambda", "SigningBehavior", "always"))));
    String media = Templates.text(Templates.properties(Templates.one(t, "AWS::S3::BucketPolicy", "BucketsMediaPolicy")));
    assertTrue(media.contains("\"Service\":\"cloudfront.amazonaws.com\""), media);
    assertTrue(media.contains("\"AWS:SourceArn\""), media);
    t.hasResourceProperties("AWS::Lambda::Permission", Match.objectLike(Map.of(
        "Action", "lambda:InvokeFunctionUrl", "Principal", "cloudfront.amazonaws.com")));
    t.hasResourceProperties("AWS::Lambda::Permission", Match.objectLike(Map.of(
        "Action", "lambda:InvokeFunction", "Principal", "cloudfront.amazonaws.com", "InvokedViaFunctionUrl", true)));
  }

  @Test
  void segmentsCachedForAYearManifestsBrieflyErrorsForASecond() {
    t.hasResourceProperties("AWS::CloudFront::CachePolicy", Map.of("CachePolicyConfig", Match.objectLike(Map.of(
        "DefaultTTL", 31_536_000, "MinTTL", 86_400,
        "ParametersInCacheKeyAndForwardedToOrigin", Match.objectLike(Map.of(
            "QueryStringsConfig", Map.of("QueryStringBehavior", "none")))))));
    t.hasResourceProperties("AWS::CloudFront::CachePolicy", Map.of("CachePolicyConfig", Match.objectLike(Map.of(
        "DefaultTTL", 1, "MinTTL", 0,
        "ParametersInCacheKeyAndForwardedToOrigin", Match.objectLike(Map.of(
            "QueryStringsConfig", Map.of("QueryStringBehavior", "whitelist",
                "QueryStrings", List.of("token", "start", "end"))))))));
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> errors = (List<Map<String, Object>>) config().get("CustomErrorResponses");
    assertTrue(errors.stream().anyMatch(e -> Integer.valueOf(404).equals(e.get("ErrorCode"))));
    errors.forEach(e -> assertTrue(((Number) e.get("ErrorCachingMinTTL")).intValue() <= 1, e.toString()));
  }

  @Test
  void http3CorsAndLogging() {
    Map<String, Object> c = config();
    assertEquals("http2and3", c.get("HttpVersion"));
    assertEquals(true, c.get("IPV6Enabled"));
    assertEquals("PriceClass_100", c.get("PriceClass"));
    assertTrue(Templates.text(c.get("Logging")).contains("AccessLogsBucket"));
    t.hasResourceProperties("AWS::CloudFront::ResponseHeadersPolicy", Map.of("ResponseHeadersPolicyConfig",
        Match.objectLike(Map.of("CorsConfig", Match.objectLike(Map.of(
            "AccessControlAllowOrigins", Map.of("Items", List.of("*")),
            "AccessControlAllowMethods", Map.of("Items", List.of("GET", "HEAD", "OPTIONS")),
            "AccessControlAllowCredentials", false,
            "OriginOverride", true))))));
    assertEquals("PriceClass_All", Templates.text(Templates.properties(Templates.one(Synth.variant().template(),
        "AWS::CloudFront::Distribution", "Cdn"))).replaceAll(".*\"PriceClass\":\"([^\"]+)\".*", "$1"));
  }
}
