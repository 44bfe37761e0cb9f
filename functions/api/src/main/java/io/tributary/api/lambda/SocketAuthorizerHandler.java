package io.tributary.api.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayCustomAuthorizerEvent;
import com.amazonaws.services.lambda.runtime.events.IamPolicyResponse;
import io.tributary.api.auth.ApiToken;
import io.tributary.api.auth.DynamoTokenRepository;
import io.tributary.api.auth.TokenRepository;
import io.tributary.api.stream.DynamoStreamRepository;
import io.tributary.api.stream.StreamRepository;
import io.tributary.core.aws.AwsClients;
import io.tributary.core.aws.AwsSettings;
import io.tributary.core.id.StreamId;
import io.tributary.core.keys.StreamKeys;
import io.tributary.core.resources.ResourceNames;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * AWS: the WebSocket API's $connect authorizer (REQUEST type, no identity source, so API Gateway
 * calls it for every connect and the token may come either way). The caller presents the API
 * bearer token as {@code Authorization: Bearer …} or, since browsers cannot set headers on a
 * WebSocket, {@code ?access_token=…}, and names the stream as {@code ?streamId=…}. Allowed only
 * when the token is active and the stream is its tenant's and not deleted; the tenant and stream
 * go to the connection's authorizer context, which the $connect integration stores.
 *
 * <p>An unknown or revoked token is {@code Unauthorized} (API Gateway answers 401); another
 * tenant's, a deleted or a malformed stream is an explicit Deny (403), so a stream's existence is
 * not revealed to other tenants either way. The token is never logged. Handler string:
 * {@code io.tributary.api.lambda.SocketAuthorizerHandler::handleRequest}.
 */
public class SocketAuthorizerHandler implements RequestHandler<APIGatewayCustomAuthorizerEvent, IamPolicyResponse> {
  private static final Logger LOG = LoggerFactory.getLogger(SocketAuthorizerHandler.class);
  public static final String CONTEXT_TENANT = "tenantId";
  public static final String CONTEXT_STREAM = "streamId";

  private final TokenRepository tokens;
  private final StreamRepository streams;

  public SocketAuthorizerHandler() {
    this(System.getenv());
  }

  public SocketAuthorizerHandler(Map<String, String> env) {
    this(new AwsClients(AwsSettings.fromEnv(env)), ResourceNames.fromEnv(env));
  }

  private SocketAuthorizerHandler(AwsClients clients, ResourceNames names) {
    var dynamo = clients.dynamo();
    this.tokens = new DynamoTokenRepository(dynamo, names);
    this.streams = new DynamoStreamRepository(dynamo, names);
  }

  @Override
  public IamPolicyResponse handleRequest(APIGatewayCustomAuthorizerEvent event, Context context) {
    Map<String, String> query = event.getQueryStringParameters() == null ? Map.of() : event.getQueryStringParameters();
    Optional<String> token = bearer(event.getHeaders()).or(() -> Optional.ofNullable(query.get("access_token")));
    Optional<ApiToken> caller = token.filter(t -> t.length() >= 20 && t.length() <= 200)
        .flatMap(t -> tokens.find(StreamKeys.hash(t))).filter(ApiToken::active);
    if (caller.isEmpty()) {
      LOG.info("WebSocket connect refused: no active token");
      // API Gateway turns exactly this message into 401 (Lambda authorizer contract).
      throw new IllegalStateException("Unauthorized");
    }
    String tenant = caller.get().tenantId();
    String streamId = query.get("streamId");
    boolean owned = StreamId.isValid(streamId) && streams.find(tenant, new StreamId(streamId)).isPresent();
    if (owned) {
      MDC.put("streamId", streamId);
    }
    LOG.info("WebSocket connect {} for tenant {}", owned ? "allowed" : "denied (stream not the tenant's)", tenant);
    MDC.remove("streamId");
    return IamPolicyResponse.builder()
        .withPrincipalId(tenant)
        .withPolicyDocument(IamPolicyResponse.PolicyDocument.builder()
            .withVersion(IamPolicyResponse.VERSION_2012_10_17)
            .withStatement(List.of(owned ? IamPolicyResponse.allowStatement(event.getMethodArn())
                : IamPolicyResponse.denyStatement(event.getMethodArn())))
            .build())
        .withContext(owned ? Map.of(CONTEXT_TENANT, tenant, CONTEXT_STREAM, streamId) : Map.of(CONTEXT_TENANT, tenant))
        .build();
  }

  private static Optional<String> bearer(Map<String, String> headers) {
    if (headers == null) {
      return Optional.empty();
    }
    return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase("Authorization"))
        .map(Map.Entry::getValue).filter(v -> v != null && v.regionMatches(true, 0, "Bearer ", 0, 7))
        .map(v -> v.substring(7).strip()).findFirst();
  }
}
