package io.tributary.infra.functions;

import io.tributary.core.resources.SocketConnectionsTable;
import io.tributary.infra.nag.Nag;
import io.tributary.infra.storage.ResourceEnv;
import io.tributary.infra.storage.Tables;
import java.nio.file.Path;
import java.util.List;
import software.amazon.awscdk.ArnComponents;
import software.amazon.awscdk.ArnFormat;
import software.amazon.awscdk.CfnElement;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.aws_apigatewayv2_authorizers.WebSocketLambdaAuthorizer;
import software.amazon.awscdk.aws_apigatewayv2_authorizers.WebSocketLambdaAuthorizerProps;
import software.amazon.awscdk.aws_apigatewayv2_integrations.WebSocketLambdaIntegration;
import software.amazon.awscdk.services.apigatewayv2.CfnStage;
import software.amazon.awscdk.services.apigatewayv2.ThrottleSettings;
import software.amazon.awscdk.services.apigatewayv2.WebSocketApi;
import software.amazon.awscdk.services.apigatewayv2.WebSocketRouteOptions;
import software.amazon.awscdk.services.apigatewayv2.WebSocketStage;
import software.amazon.awscdk.services.dynamodb.Table;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.constructs.Construct;

/**
 * The live status push of {@code /ws/streams/{id}} in AWS: an API Gateway WebSocket API. Clients
 * connect to {@code wss://…/live?streamId={id}} with the API bearer token as
 * {@code Authorization: Bearer …} or {@code &access_token=…} (browsers cannot set WebSocket
 * headers); the $connect authorizer ({@value #AUTHORIZER_HANDLER}) admits only the token's
 * tenant's stream, the route handler ({@value #ROUTES_HANDLER}) keeps connections in the sockets
 * table, and {@link StreamChanges}' handler pushes each stream event to them. Push only: no
 * $default route, so client messages are refused by API Gateway itself.
 */
public final class LiveSockets extends Construct {
  public static final String AUTHORIZER_HANDLER = "io.tributary.api.lambda.SocketAuthorizerHandler::handleRequest";
  public static final String ROUTES_HANDLER = "io.tributary.api.lambda.SocketConnectionHandler::handleRequest";
  /** Read by the change handler (api ChangeHandlerConfig). */
  public static final String ENDPOINT_ENV = "TRIBUTARY_WS_ENDPOINT";
  public static final String STAGE = "live";
  /** Connects per second across the API; pushes are server side and not throttled by this. */
  static final int CONNECT_RATE = 50;
  static final int CONNECT_BURST = 100;

  private final WebSocketApi api;
  private final WebSocketStage stage;
  private final JavaFunction authorizer;
  private final JavaFunction routes;
  private final Table sockets;

  public LiveSockets(Construct scope, String id, Path apiJar, ResourceEnv env, Tables tables) {
    super(scope, id);
    sockets = tables.sockets();
    authorizer = new JavaFunction(this, "Authorizer", apiJar, AUTHORIZER_HANDLER, 512, Duration.seconds(10),
        env.variables(), "Tributary WebSocket $connect authorizer: bearer token, tenant's stream");
    Tables.allow(authorizer.function(), tables.tokens(), List.of("dynamodb:GetItem"));
    Tables.allow(authorizer.function(), tables.streams(), List.of("dynamodb:GetItem"));
    routes = new JavaFunction(this, "Routes", apiJar, ROUTES_HANDLER, 512, Duration.seconds(10), env.variables(),
        "Tributary WebSocket $connect/$disconnect: connection records");
    Tables.allow(routes.function(), tables.sockets(), List.of("dynamodb:PutItem", "dynamodb:DeleteItem"));

    api = WebSocketApi.Builder.create(this, "Api")
        .description("Tributary live stream status push")
        .connectRouteOptions(WebSocketRouteOptions.builder()
            .integration(new WebSocketLambdaIntegration("Connect", routes.alias()))
            // streamId is required anyway; naming it as the identity source makes API Gateway refuse
            // a connect without one (401) before invoking anything. The token may come either way.
            .authorizer(new WebSocketLambdaAuthorizer("Authorizer", authorizer.alias(),
                WebSocketLambdaAuthorizerProps.builder()
                    .identitySource(List.of("route.request.querystring.streamId")).build()))
            .build())
        .disconnectRouteOptions(WebSocketRouteOptions.builder()
            .integration(new WebSocketLambdaIntegration("Disconnect", routes.alias())).build())
        .build();
    stage = WebSocketStage.Builder.create(this, "Stage")
        .webSocketApi(api)
        .stageName(STAGE)
        .autoDeploy(true)
        .throttle(ThrottleSettings.builder().rateLimit(CONNECT_RATE).burstLimit(CONNECT_BURST).build())
        .build();
    LogGroup accessLogs = LogGroup.Builder.create(this, "AccessLogs")
        .retention(RetentionDays.ONE_MONTH).removalPolicy(RemovalPolicy.DESTROY).build();
    ((CfnStage) stage.getNode().getDefaultChild()).setAccessLogSettings(CfnStage.AccessLogSettingsProperty.builder()
        .destinationArn(accessLogs.getLogGroupArn())
        // No headers, no query string: tokens never reach the logs.
        .format("{\"requestId\":\"$context.requestId\",\"ip\":\"$context.identity.sourceIp\","
            + "\"routeKey\":\"$context.routeKey\",\"status\":\"$context.status\","
            + "\"connectionId\":\"$context.connectionId\",\"authorizerError\":\"$context.authorizer.error\"}")
        .build());
    Nag.suppress(api, "AwsSolutions-APIG4", "$disconnect cannot carry an authorizer (API Gateway runs "
        + "authorizers on $connect only); the connection it ends was authorized there.");
  }

  /**
   * Lets the change handler push: connections by stream (the index), forget gone ones, and
   * PostToConnection on this stage only.
   */
  public void pushFrom(JavaFunction changes) {
    changes.function().addEnvironment(ENDPOINT_ENV, stage.getCallbackUrl());
    changes.function().addToRolePolicy(PolicyStatement.Builder.create().actions(List.of("dynamodb:Query"))
        .resources(List.of(sockets.getTableArn() + "/index/" + SocketConnectionsTable.BY_STREAM)).build());
    Tables.allow(changes.function(), sockets, List.of("dynamodb:DeleteItem"));
    // CDK's grantManagementApiAccess allows every @connections method; pushing needs POST only.
    changes.function().addToRolePolicy(PolicyStatement.Builder.create()
        .actions(List.of("execute-api:ManageConnections"))
        .resources(List.of(Stack.of(this).formatArn(ArnComponents.builder().service("execute-api")
            .resource(api.getApiId()).resourceName(STAGE + "/POST/@connections/*")
            .arnFormat(ArnFormat.SLASH_RESOURCE_NAME).build())))
        .build());
    Nag.suppress(changes, "AwsSolutions-IAM5", "PostToConnection targets connection ids only known at run time; "
        + "the grant is this API's stage and the @connections path.",
        "Resource::arn:<AWS::Partition>:execute-api:<AWS::Region>:<AWS::AccountId>:<" + Stack.of(this)
            .getLogicalId((CfnElement) api.getNode().getDefaultChild()) + ">/" + STAGE
            + "/POST/@connections/*");
  }

  public String url() {
    return stage.getUrl();
  }
}
