package io.tributary.infra.cdn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.infra.Synth;
import io.tributary.infra.Templates;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Template;

/** The media token check as deployed: where it runs, what it sees, what the cache keeps. */
class MediaTokenCdnTest {
  private final Template t = Synth.defaults().template();

  @SuppressWarnings("unchecked")
  private Map<String, Object> config() {
    return (Map<String, Object>) Templates.properties(Templates.one(t, "AWS::CloudFront::Distribution", "Cdn"))
        .get("DistributionConfig");
  }

  private String functionId() {
    return Templates.resources(t, "AWS::CloudFront::Function").keySet().stream()
        .filter(id -> id.startsWith("CdnMediaTokens")).findFirst().orElseThrow();
  }

  @Test
  @SuppressWarnings("unchecked")
  void aJs2FunctionWithTheKeyAsADeployTimeReference() {
    assertEquals(1, Templates.resources(t, "AWS::CloudFront::Function").size());
    Map<String, Object> props = Templates.properties(Templates.one(t, "AWS::CloudFront::Function", "CdnMediaTokens"));
    Map<String, Object> fc = (Map<String, Object>) props.get("FunctionConfig");
    assertEquals("cloudfront-js-2.0", fc.get("Runtime"));
    assertEquals(true, props.get("AutoPublish"));
    String code = Templates.text(props.get("FunctionCode"));
    assertTrue(code.contains("{{resolve:secretsmanager:"), "the key is a dynamic reference: " + code);
    assertTrue(code.contains("SecretsPlaybackKey"), "to the playback key secret");
    assertFalse(code.contains(MediaTokenCheck.SECRET_PLACEHOLDER), "the placeholder was replaced");
    assertTrue(code.contains("createHmac('sha256'"), code);
  }

  @Test
  @SuppressWarnings("unchecked")
  void runsOnTheViewerRequestOfMediaOnly() {
    Map<String, Object> c = config();
    Map<String, Object> def = (Map<String, Object>) c.get("DefaultCacheBehavior");
    List<Map<String, Object>> assoc = (List<Map<String, Object>>) def.get("FunctionAssociations");
    assertEquals(1, assoc.size(), "segments and init segments (the default behaviour)");
    assertEquals("viewer-request", assoc.get(0).get("EventType"));
    assertTrue(Templates.text(assoc.get(0).get("FunctionARN")).contains(functionId()));
    for (Map<String, Object> b : (List<Map<String, Object>>) c.get("CacheBehaviors")) {
      // Manifests are checked by the playlist function itself; thumbnails are not protected.
      assertFalse(b.containsKey("FunctionAssociations"), "behaviour " + b.get("PathPattern"));
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void theTokenIsNotInTheSegmentsCacheKey() {
    Map<String, Object> def = (Map<String, Object>) config().get("DefaultCacheBehavior");
    String policy = Templates.text(def.get("CachePolicyId"));
    String id = Templates.resources(t, "AWS::CloudFront::CachePolicy").keySet().stream()
        .filter(policy::contains).findFirst().orElseThrow();
    Map<String, Object> cfg = (Map<String, Object>) Templates.properties(
        Templates.resources(t, "AWS::CloudFront::CachePolicy").get(id)).get("CachePolicyConfig");
    Map<String, Object> key = (Map<String, Object>) cfg.get("ParametersInCacheKeyAndForwardedToOrigin");
    assertEquals(Map.of("QueryStringBehavior", "none"), key.get("QueryStringsConfig"),
        "one cached copy per segment whatever the token; S3 never sees it");
  }

  @Test
  @SuppressWarnings("unchecked")
  void thePlaylistPutsATokenOnEveryMediaUri() {
    Map<String, Object> playlist = Templates.properties(Templates.one(t, "AWS::Lambda::Function",
        "FunctionsPlaylistFunction"));
    Map<String, Object> vars = (Map<String, Object>) ((Map<String, Object>) playlist.get("Environment")).get("Variables");
    assertEquals("true", vars.get(Cdn.EDGE_TOKENS_ENV));
    assertTrue(vars.containsKey("TRIBUTARY_PLAYBACK_SECRET"), "it issues them with the same key");
  }

  @Test
  void noRoleOrPolicyIsAddedForIt() {
    // A CloudFront Function has no execution role, and nothing may read or change it at run time.
    String fn = functionId();
    Templates.resources(t, "AWS::IAM::Policy").forEach((id, p) ->
        assertFalse(Templates.text(p).contains(fn), "policy " + id + " names the edge function"));
    Templates.resources(t, "AWS::IAM::Role").forEach((id, r) ->
        assertFalse(Templates.text(r).contains(fn), "role " + id + " names the edge function"));
  }
}
