package io.tributary.api.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayCustomAuthorizerEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.IamPolicyResponse;
import io.tributary.api.auth.ApiToken;
import io.tributary.api.auth.DynamoTokenRepository;
import io.tributary.api.stream.DynamoStreamRepository;
import io.tributary.api.stream.StreamRecord;
import io.tributary.api.stream.StreamSettings;
import io.tributary.api.ws.SocketConnections;
import io.tributary.core.id.StreamId;
import io.tributary.core.keys.StreamKeys;
import io.tributary.core.resources.SocketConnectionsTable;
import io.tributary.local.aws.LocalAws;
import io.tributary.local.aws.LocalAwsExtension;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The WebSocket API's authorizer and route handlers driven with recorded API Gateway events
 * against the local DynamoDB: tokens and streams as the API writes them, connections as pushes
 * read them.
 */
@ExtendWith(LocalAwsExtension.class)
class SocketHandlersIT {
  private static final StreamSettings S = new StreamSettings("ws", 2000, "default", false, 60, false);
  private static final String METHOD_ARN = "arn:aws:execute-api:us-east-1:123456789012:a1b2c3d4e5/live/$connect";

  private String tenant;
  private String token;
  private StreamId stream;

  @BeforeEach
  void setUp(LocalAws aws) {
    tenant = "ws-" + Long.toString(System.nanoTime(), 36);
    token = "tk_" + StreamKeys.generate();
    new DynamoTokenRepository(aws.clients().dynamo(), aws.names())
        .putIfAbsent(new ApiToken(StreamKeys.hash(token), tenant, "ws test", System.currentTimeMillis(), Optional.empty()));
    stream = StreamId.random();
    new DynamoStreamRepository(aws.clients().dynamo(), aws.names())
        .create(StreamRecord.created(stream, tenant, S, System.currentTimeMillis()));
  }

  private APIGatewayCustomAuthorizerEvent authorize(String streamId, String header, String queryToken) {
    Map<String, String> v = new HashMap<>();
    v.put("streamId", streamId);
    v.put("authorizationHeader", header == null ? "" : ",\n    \"Authorization\": \"" + header + "\"");
    v.put("accessTokenParam", queryToken == null ? "" : ",\n    \"access_token\": \"" + queryToken + "\"");
    return RecordedJson.load(APIGatewayCustomAuthorizerEvent.class, "/websocket/authorize-connect.json", v);
  }

  @Test
  void aTokenInTheQueryOrTheHeaderAdmitsItsTenantsStream(LocalAws aws) {
    SocketAuthorizerHandler handler = new SocketAuthorizerHandler(aws.env());
    for (APIGatewayCustomAuthorizerEvent e : List.of(authorize(stream.value(), null, token),
        authorize(stream.value(), "Bearer " + token, null))) {
      IamPolicyResponse res = handler.handleRequest(e, new FakeLambdaContext());
      assertEquals(tenant, res.getPrincipalId());
      assertEquals(Map.of("tenantId", tenant, "streamId", stream.value()), res.getContext());
      String json = RecordedJson.toJson(res);
      assertTrue(json.contains("\"Effect\":\"Allow\"") && json.contains("\"Action\":\"execute-api:Invoke\"")
          && json.contains(METHOD_ARN), json);
    }
  }

  @Test
  void anotherTenantsOrAMalformedStreamIsDeniedAndABadTokenIsUnauthorized(LocalAws aws) {
    SocketAuthorizerHandler handler = new SocketAuthorizerHandler(aws.env());
    StreamId theirs = StreamId.random();
    new DynamoStreamRepository(aws.clients().dynamo(), aws.names())
        .create(StreamRecord.created(theirs, "someone-else", S, System.currentTimeMillis()));
    for (String id : List.of(theirs.value(), "not-a-stream", StreamId.random().value())) {
      IamPolicyResponse res = handler.handleRequest(authorize(id, null, token), new FakeLambdaContext());
      String json = RecordedJson.toJson(res);
      assertTrue(json.contains("\"Effect\":\"Deny\""), json);
      assertEquals(Map.of("tenantId", tenant), res.getContext(), "no stream in the context of a denial");
    }
    for (APIGatewayCustomAuthorizerEvent e : List.of(authorize(stream.value(), null, null),
        authorize(stream.value(), "Bearer tk_wrongwrongwrongwrongwrongwrong", null),
        authorize(stream.value(), "Basic " + token, null))) {
      var thrown = assertThrows(IllegalStateException.class, () -> handler.handleRequest(e, new FakeLambdaContext()));
      assertEquals("Unauthorized", thrown.getMessage());
    }
  }

  @Test
  void connectStoresTheAdmittedStreamAndDisconnectRemovesIt(LocalAws aws) {
    String connectionId = "Cn" + Long.toString(System.nanoTime(), 36) + "=";
    Map<String, String> v = Map.of("streamId", stream.value(), "tenant", tenant, "connectionId", connectionId);
    SocketConnectionHandler handler = new SocketConnectionHandler(aws.env());
    SocketConnections connections = new SocketConnections(aws.clients().dynamo(), aws.names());

    var connected = handler.handleRequest(RecordedJson.load(APIGatewayV2WebSocketEvent.class, "/websocket/connect.json",
        v), new FakeLambdaContext());
    assertEquals(200, connected.getStatusCode());
    assertEquals(List.of(connectionId), connections.of(stream.value()));
    var item = aws.clients().dynamo().getItem(b -> b.tableName(aws.names().socketsTable())
        .key(Map.of(SocketConnectionsTable.CONNECTION_ID, AttributeValue.fromS(connectionId)))).item();
    assertEquals(tenant, item.get(SocketConnectionsTable.TENANT_ID).s());
    long expires = Long.parseLong(item.get(SocketConnectionsTable.EXPIRES_AT).n());
    assertTrue(expires > System.currentTimeMillis() / 1000 + 2 * 3600, "outlives API Gateway's 2 h limit");

    var gone = handler.handleRequest(RecordedJson.load(APIGatewayV2WebSocketEvent.class, "/websocket/disconnect.json",
        v), new FakeLambdaContext());
    assertEquals(200, gone.getStatusCode());
    assertEquals(List.of(), connections.of(stream.value()));
  }

  @Test
  void aConnectWithoutAnAdmittedStreamIsRefused(LocalAws aws) {
    APIGatewayV2WebSocketEvent e = RecordedJson.load(APIGatewayV2WebSocketEvent.class, "/websocket/connect.json",
        Map.of("streamId", "not-a-stream", "tenant", tenant, "connectionId", "Cx1="));
    assertEquals(403, new SocketConnectionHandler(aws.env()).handleRequest(e, new FakeLambdaContext()).getStatusCode());
  }
}
