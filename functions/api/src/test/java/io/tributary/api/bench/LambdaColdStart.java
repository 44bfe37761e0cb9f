package io.tributary.api.bench;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import io.tributary.api.lambda.ApiHandler;
import java.lang.management.ManagementFactory;
import java.util.Map;

/**
 * Child JVM on the shaded Lambda jar: what a Lambda cold start does (construct the handler, which
 * starts the context), then one authenticated GET /streams; prints ms from JVM start to response.
 */
public final class LambdaColdStart {
  private LambdaColdStart() {}

  public static void main(String[] args) {
    ApiHandler handler = new ApiHandler();
    APIGatewayV2HTTPEvent e = APIGatewayV2HTTPEvent.builder().withVersion("2.0").withRawPath("/streams")
        .withRawQueryString("").withHeaders(Map.of("authorization", "Bearer " + System.getenv("TRIBUTARY_ADMIN_TOKEN"),
            "host", "k3x9q1z7ab.execute-api.us-east-1.amazonaws.com"))
        .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder().withStage("$default")
            .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod("GET").withPath("/streams").build())
            .build()).build();
    int status = handler.handleRequest(e, null).getStatusCode();
    long since = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
    System.out.println("status " + status);
    System.out.println("first-response-ms " + since);
    System.exit(status == 200 ? 0 : 1);
  }
}
