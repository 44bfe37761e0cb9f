package io.tributary.infra.functions;

import io.tributary.infra.config.InfraConfig;
import io.tributary.infra.nag.Nag;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.aws_apigatewayv2_integrations.HttpLambdaIntegration;
import software.amazon.awscdk.aws_apigatewayv2_integrations.HttpLambdaIntegrationProps;
import software.amazon.awscdk.services.apigatewayv2.AddRoutesOptions;
import software.amazon.awscdk.services.apigatewayv2.CfnStage;
import software.amazon.awscdk.services.apigatewayv2.HttpApi;
import software.amazon.awscdk.services.apigatewayv2.HttpMethod;
import software.amazon.awscdk.services.apigatewayv2.HttpRoute;
import software.amazon.awscdk.services.apigatewayv2.HttpStage;
import software.amazon.awscdk.services.apigatewayv2.PayloadFormatVersion;
import software.amazon.awscdk.services.apigatewayv2.ThrottleSettings;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.constructs.Construct;

/**
 * The HTTP API in front of the API function (payload format 2.0). Every path goes to the one
 * Micronaut function; routes are spelled out only where a throttle differs: creating streams,
 * minting or rotating stream keys and minting API tokens are rare, and unbounded they would let a
 * stolen token mint credentials in bulk, so they are limited far below reads. Authorization is the function's (Bearer tokens checked against hashed tokens).
 */
public final class ManagementApi extends Construct {
  /** Route key → {rate per second, burst}. Tighter than the stage default on purpose. */
  public static final Map<String, int[]> ROUTE_THROTTLES = routeThrottles();

  private final HttpApi http;
  private final HttpStage stage;
  private final List<HttpRoute> routes = new ArrayList<>();

  public ManagementApi(Construct scope, String id, InfraConfig config, JavaFunction api) {
    super(scope, id);
    http = HttpApi.Builder.create(this, "Http")
        .description("Tributary management API")
        .createDefaultStage(false)
        .build();
    HttpLambdaIntegration integration = new HttpLambdaIntegration("Api", api.alias(),
        HttpLambdaIntegrationProps.builder().payloadFormatVersion(PayloadFormatVersion.VERSION_2_0).build());
    route("/{proxy+}", HttpMethod.ANY, integration);
    // A throttle applies to a route key only if that route exists.
    ROUTE_THROTTLES.keySet().forEach(key -> route(key.substring(key.indexOf(' ') + 1),
        HttpMethod.valueOf(key.substring(0, key.indexOf(' '))), integration));

    stage = HttpStage.Builder.create(this, "Stage")
        .httpApi(http)
        .stageName("$default")
        .autoDeploy(true)
        .throttle(ThrottleSettings.builder().rateLimit(config.apiRateLimit()).burstLimit(config.apiBurstLimit()).build())
        .build();
    // API Gateway rejects route settings for a route key that does not exist yet.
    routes.forEach(r -> stage.getNode().addDependency(r));
    CfnStage cfn = (CfnStage) stage.getNode().getDefaultChild();
    Map<String, Object> routeSettings = new LinkedHashMap<>();
    ROUTE_THROTTLES.forEach((key, limits) -> routeSettings.put(key, Map.of(
        "ThrottlingRateLimit", limits[0], "ThrottlingBurstLimit", limits[1])));
    cfn.setRouteSettings(routeSettings);
    LogGroup accessLogs = LogGroup.Builder.create(this, "AccessLogs")
        .retention(RetentionDays.ONE_MONTH).removalPolicy(RemovalPolicy.DESTROY).build();
    cfn.setAccessLogSettings(CfnStage.AccessLogSettingsProperty.builder()
        .destinationArn(accessLogs.getLogGroupArn())
        // No Authorization header, no query string: tokens never reach the logs.
        .format("{\"requestId\":\"$context.requestId\",\"ip\":\"$context.identity.sourceIp\","
            + "\"routeKey\":\"$context.routeKey\",\"status\":\"$context.status\","
            + "\"latencyMs\":\"$context.responseLatency\",\"integrationError\":\"$context.integrationErrorMessage\"}")
        .build());
  }

  private void route(String path, HttpMethod method, HttpLambdaIntegration integration) {
    List<HttpRoute> added = http.addRoutes(AddRoutesOptions.builder()
        .path(path).methods(List.of(method)).integration(integration).build());
    routes.addAll(added);
    added.forEach(r -> Nag.suppress(r, "AwsSolutions-APIG4", "The API function authorises every route but "
        + "/health itself: Bearer tokens checked against the hashed tokens table, per tenant."));
  }

  private static Map<String, int[]> routeThrottles() {
    Map<String, int[]> m = new LinkedHashMap<>();
    m.put("POST /streams", new int[] {5, 10});
    m.put("POST /streams/{streamId}/keys", new int[] {2, 5});
    m.put("POST /streams/{streamId}/keys/{keyId}/rotate", new int[] {2, 5});
    m.put("POST /tokens", new int[] {1, 2});
    // Unauthenticated: cheap, but must not be a free amplifier.
    m.put("GET /health", new int[] {10, 20});
    return Collections.unmodifiableMap(m);
  }

  public HttpApi http() {
    return http;
  }

  /** {@code https://<id>.execute-api.<region>.amazonaws.com/} */
  public String url() {
    return stage.getUrl();
  }
}
