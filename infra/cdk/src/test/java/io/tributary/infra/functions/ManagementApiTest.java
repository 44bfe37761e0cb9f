package io.tributary.infra.functions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.infra.Synth;
import io.tributary.infra.Templates;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

class ManagementApiTest {
  private final Template t = Synth.defaults().template();

  /** The HTTP API's routes (the WebSocket API, LiveSockets, has its own). */
  private Map<String, Map<String, Object>> httpRoutes() {
    Map<String, Map<String, Object>> routes = new java.util.LinkedHashMap<>(
        Templates.resources(t, "AWS::ApiGatewayV2::Route"));
    routes.keySet().removeIf(id -> !id.startsWith("ApiHttp"));
    return routes;
  }

  @Test
  void httpApiRoutesEverythingToTheFunction() {
    t.hasResourceProperties("AWS::ApiGatewayV2::Api", Match.objectLike(Map.of("ProtocolType", "HTTP")));
    Set<String> keys = httpRoutes().values().stream()
        .map(r -> (String) Templates.properties(r).get("RouteKey")).collect(Collectors.toSet());
    assertEquals(Set.of("ANY /{proxy+}", "GET /health", "POST /streams", "POST /streams/{streamId}/keys",
        "POST /streams/{streamId}/keys/{keyId}/rotate", "POST /tokens"), keys);
  }

  @Test
  void throttledPerStageAndTighterPerRoute() {
    Map<String, Object> stage = Templates.properties(Templates.one(t, "AWS::ApiGatewayV2::Stage", "ApiStage"));
    assertEquals("$default", stage.get("StageName"));
    assertEquals(Map.of("ThrottlingBurstLimit", 100, "ThrottlingRateLimit", 50), stage.get("DefaultRouteSettings"));
    @SuppressWarnings("unchecked")
    Map<String, Map<String, Object>> routes = (Map<String, Map<String, Object>>) stage.get("RouteSettings");
    assertEquals(ManagementApi.ROUTE_THROTTLES.keySet(), routes.keySet());
    ManagementApi.ROUTE_THROTTLES.forEach((key, limits) -> {
      assertEquals(limits[0], routes.get(key).get("ThrottlingRateLimit"), key);
      assertEquals(limits[1], routes.get(key).get("ThrottlingBurstLimit"), key);
      assertTrue(limits[0] < 50, key + " is tighter than the stage default");
    });
    // Every throttled route key exists, or API Gateway would reject the stage.
    List<String> routeKeys = httpRoutes().values().stream()
        .map(r -> (String) Templates.properties(r).get("RouteKey")).toList();
    assertTrue(routeKeys.containsAll(routes.keySet()), routeKeys.toString());
    // ... and exists before the stage that throttles it.
    String dependsOn = Templates.text(Templates.one(t, "AWS::ApiGatewayV2::Stage", "ApiStage").get("DependsOn"));
    httpRoutes().keySet()
        .forEach(route -> assertTrue(dependsOn.contains(route), route + " not in " + dependsOn));
  }

  @Test
  void accessLogsCarryNoCredentials() {
    Map<String, Object> stage = Templates.properties(Templates.one(t, "AWS::ApiGatewayV2::Stage", "ApiStage"));
    String format = Templates.text(stage.get("AccessLogSettings"));
    assertTrue(format.contains("$context.routeKey"), format);
    assertTrue(!format.contains("authorizer") && !format.contains("querystring") && !format.contains("header"),
        format);
  }
}
