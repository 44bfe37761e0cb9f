package io.tributary.api.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
import io.tributary.api.ws.SocketConnections;
import io.tributary.core.aws.AwsClients;
import io.tributary.core.aws.AwsSettings;
import io.tributary.core.id.StreamId;
import io.tributary.core.resources.ResourceNames;
import java.time.Clock;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * AWS: the WebSocket API's routes. {@code $connect} (reached only through
 * {@link SocketAuthorizerHandler}) stores the connection under the stream the authorizer admitted;
 * {@code $disconnect} removes it; any message ({@code $default}) is ignored — the socket is push
 * only, as locally. Pushes come from {@link StreamChangeHandler}. Handler string:
 * {@code io.tributary.api.lambda.SocketConnectionHandler::handleRequest}.
 */
public class SocketConnectionHandler
    implements RequestHandler<APIGatewayV2WebSocketEvent, APIGatewayV2WebSocketResponse> {
  private static final Logger LOG = LoggerFactory.getLogger(SocketConnectionHandler.class);

  private final SocketConnections connections;
  private final Clock clock;

  public SocketConnectionHandler() {
    this(System.getenv());
  }

  public SocketConnectionHandler(Map<String, String> env) {
    this(new SocketConnections(new AwsClients(AwsSettings.fromEnv(env)).dynamo(), ResourceNames.fromEnv(env)),
        Clock.systemUTC());
  }

  SocketConnectionHandler(SocketConnections connections, Clock clock) {
    this.connections = connections;
    this.clock = clock;
  }

  @Override
  public APIGatewayV2WebSocketResponse handleRequest(APIGatewayV2WebSocketEvent event, Context context) {
    var ctx = event.getRequestContext();
    String route = ctx == null ? null : ctx.getRouteKey();
    String connectionId = ctx == null ? null : ctx.getConnectionId();
    if (connectionId == null || route == null) {
      return response(400);
    }
    switch (route) {
      case "$connect" -> {
        Map<String, Object> auth = ctx.getAuthorizer() == null ? Map.of() : ctx.getAuthorizer();
        Object stream = auth.get(SocketAuthorizerHandler.CONTEXT_STREAM);
        Object tenant = auth.get(SocketAuthorizerHandler.CONTEXT_TENANT);
        if (!(stream instanceof String s) || !StreamId.isValid(s) || !(tenant instanceof String t)) {
          // Only a route without the authorizer could get here: refuse rather than store a stray.
          LOG.warn("WebSocket connect without an admitted stream refused");
          return response(403);
        }
        MDC.put("streamId", s);
        connections.add(connectionId, s, t, clock.millis());
        LOG.info("WebSocket connected");
        MDC.remove("streamId");
        return response(200);
      }
      case "$disconnect" -> {
        connections.remove(connectionId);
        LOG.info("WebSocket disconnected");
        return response(200);
      }
      default -> {
        return response(200);
      }
    }
  }

  private static APIGatewayV2WebSocketResponse response(int status) {
    APIGatewayV2WebSocketResponse r = new APIGatewayV2WebSocketResponse();
    r.setStatusCode(status);
    return r;
  }
}
