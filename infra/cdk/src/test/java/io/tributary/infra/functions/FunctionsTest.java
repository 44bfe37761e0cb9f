package io.tributary.infra.functions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.infra.Synth;
import io.tributary.infra.Templates;
import io.tributary.infra.config.ServiceContract;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

class FunctionsTest {
  private final Template t = Synth.defaults().template();

  @Test
  void apiAndPlaylistRunJava21OnArmWithSnapStartBehindALiveAlias() {
    Map<String, String> handlers = Map.of("FunctionsApiFunction", ServiceContract.API_HANDLER,
        "FunctionsPlaylistFunction", ServiceContract.PLAYLIST_HANDLER);
    for (String id : handlers.keySet()) {
      Map<String, Object> fn = Templates.properties(Templates.one(t, "AWS::Lambda::Function", id));
      assertEquals("java21", fn.get("Runtime"));
      assertEquals(List.of("arm64"), fn.get("Architectures"));
      assertEquals(Map.of("ApplyOn", "PublishedVersions"), fn.get("SnapStart"));
      assertEquals(handlers.get(id), fn.get("Handler"));
    }
    // API, playlist, stream change handler, media sweep, WebSocket authorizer and routes, lease reaper.
    t.resourceCountIs("AWS::Lambda::Alias", 7);
    t.allResourcesProperties("AWS::Lambda::Alias", Match.objectLike(Map.of("Name", JavaFunction.ALIAS)));
  }

  @Test
  void nothingInvokesUnpublishedCode() {
    // SnapStart applies to versions only: the HTTP API integration and the URL target the alias.
    String integration = Templates.text(Templates.resources(t, "AWS::ApiGatewayV2::Integration"));
    assertTrue(integration.contains("FunctionsApiAlias"), integration);
    t.hasResourceProperties("AWS::ApiGatewayV2::Integration", Match.objectLike(Map.of(
        "IntegrationType", "AWS_PROXY", "PayloadFormatVersion", "2.0")));
    t.hasResourceProperties("AWS::Lambda::Url", Map.of("AuthType", "AWS_IAM", "InvokeMode", "BUFFERED",
        "Qualifier", JavaFunction.ALIAS, "TargetFunctionArn", Match.anyValue()));
  }

  @Test
  void apiKnowsItsSecretsAndPublicUrls() {
    Map<String, Object> api = Templates.properties(Templates.one(t, "AWS::Lambda::Function", "FunctionsApiFunction"));
    String env = Templates.text(api.get("Environment"));
    assertTrue(env.contains("\"TRIBUTARY_ADMIN_TOKEN_SECRET_ARN\":{\"Ref\":\"SecretsAdminToken"), env);
    assertTrue(env.contains("\"TRIBUTARY_PLAYBACK_SECRET\":{\"Fn::Join\":[\"\",[\"{{resolve:secretsmanager:\""), env);
    assertTrue(env.contains("\"TRIBUTARY_PLAYBACK_BASE_URL\":{\"Fn::Join\":[\"\",[\"https://\",{\"Fn::GetAtt\":"
        + "[\"CdnDistribution"), env);
    assertTrue(env.contains("\"TRIBUTARY_RTMP_BASE_URL\":{\"Fn::Join\":[\"\",[\"rtmp://\""), env);
    Map<String, Object> playlist = Templates.properties(
        Templates.one(t, "AWS::Lambda::Function", "FunctionsPlaylistFunction"));
    String playlistEnv = Templates.text(playlist.get("Environment"));
    assertTrue(playlistEnv.contains("TRIBUTARY_PLAYBACK_SECRET"), playlistEnv);
    assertFalse(playlistEnv.contains("ADMIN_TOKEN"), playlistEnv);
    // CloudFront serves segments from the bucket; the function must not.
    assertTrue(playlistEnv.contains("\"TRIBUTARY_PLAYLIST_SERVE_MEDIA\":\"false\""), playlistEnv);
  }

  @Test
  void withRtmpsTheApiHandsOutTlsPublishUrls() {
    Map<String, Object> api = Templates.properties(
        Templates.one(Synth.variant().template(), "AWS::Lambda::Function", "FunctionsApiFunction"));
    String env = Templates.text(api.get("Environment"));
    assertTrue(env.contains("\"TRIBUTARY_RTMP_BASE_URL\":\"rtmps://ingest.example.com:443\""), env);
  }

  @Test
  void logsGoToOwnLogGroupsKeptAMonth() {
    Templates.resources(t, "AWS::Lambda::Function").values().forEach(fn -> {
      String logging = Templates.text(Templates.properties(fn).get("LoggingConfig"));
      assertTrue(logging.contains("\"LogGroup\":{\"Ref\":"), logging);
    });
  }
}
