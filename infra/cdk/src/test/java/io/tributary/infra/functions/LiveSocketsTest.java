package io.tributary.infra.functions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.infra.Synth;
import io.tributary.infra.Templates;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

class LiveSocketsTest {
  private final Template t = Synth.defaults().template();

  @Test
  void aWebSocketApiWithAnAuthorizedConnectAndADisconnectOnly() {
    t.hasResourceProperties("AWS::ApiGatewayV2::Api", Match.objectLike(Map.of("ProtocolType", "WEBSOCKET",
        "RouteSelectionExpression", "$request.body.action")));
    Map<String, Object> connect = null;
    List<String> keys = new java.util.ArrayList<>();
    for (Map<String, Object> r : Templates.resources(t, "AWS::ApiGatewayV2::Route").values()) {
      Map<String, Object> p = Templates.properties(r);
      if (Templates.text(p.get("ApiId")).contains("LiveSocketsApi")) {
        keys.add((String) p.get("RouteKey"));
        if ("$connect".equals(p.get("RouteKey"))) {
          connect = p;
        }
      }
    }
    assertEquals(List.of("$connect", "$disconnect"), keys.stream().sorted().toList(), "push only: no $default");
    assertEquals("CUSTOM", connect.get("AuthorizationType"));
    t.hasResourceProperties("AWS::ApiGatewayV2::Authorizer", Match.objectLike(Map.of(
        "AuthorizerType", "REQUEST", "IdentitySource", List.of("route.request.querystring.streamId"))));
    String authorizer = Templates.text(Templates.one(t, "AWS::ApiGatewayV2::Authorizer", "LiveSocketsApi"));
    assertTrue(authorizer.contains("LiveSocketsAuthorizerAlias"), "invokes the SnapStart alias: " + authorizer);
  }

  @Test
  void theStageIsThrottledAndLogsNoTokens() {
    Map<String, Object> stage = Templates.properties(Templates.one(t, "AWS::ApiGatewayV2::Stage", "LiveSocketsStage"));
    assertEquals(LiveSockets.STAGE, stage.get("StageName"));
    String settings = Templates.text(stage.get("DefaultRouteSettings"));
    assertTrue(settings.contains("\"ThrottlingRateLimit\":" + LiveSockets.CONNECT_RATE), settings);
    String format = Templates.text(stage.get("AccessLogSettings"));
    assertTrue(format.contains("$context.connectionId") && !format.contains("querystring")
        && !format.contains("Authorization"), format);
  }

  @Test
  void theHandlersAreTheApiJarsAndTheChangeHandlerKnowsWhereToPush() {
    assertEquals(LiveSockets.AUTHORIZER_HANDLER, Templates.properties(Templates.one(t, "AWS::Lambda::Function",
        "LiveSocketsAuthorizerFunction")).get("Handler"));
    assertEquals(LiveSockets.ROUTES_HANDLER, Templates.properties(Templates.one(t, "AWS::Lambda::Function",
        "LiveSocketsRoutesFunction")).get("Handler"));
    String env = Templates.text(Templates.properties(Templates.one(t, "AWS::Lambda::Function",
        "StreamChangesHandlerFunction")).get("Environment"));
    assertTrue(env.matches(".*\"TRIBUTARY_WS_ENDPOINT\":\\{\"Fn::Join\":\\[\"\",\\[\"https://\",\\{\"Ref\":"
        + "\"LiveSocketsApi[0-9A-F]+\"}.*/live\"]]}.*"), env);
    assertTrue(env.contains("\"TRIBUTARY_WS_CONNECTIONS_TABLE\":{\"Ref\":\"TablesSockets"), env);
  }
}
