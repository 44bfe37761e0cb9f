package io.tributary.playlist.bench;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.util.LinkedHashMap;
import java.util.Map;

/** Function URL events (API Gateway v2 HTTP payload, version 2.0) as CloudFront forwards them. */
public final class LambdaEvents {
  private LambdaEvents() {}

  /** Function URLs send the raw query and the parsed map; repeated keys are comma-joined. */
  private static Map<String, String> query(String raw) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      String k = eq < 0 ? pair : pair.substring(0, eq);
      String v = eq < 0 ? "" : pair.substring(eq + 1);
      out.merge(k, v, (a, b) -> a + "," + b);
    }
    return out;
  }

  public static APIGatewayV2HTTPEvent get(String path, String rawQuery) {
    return APIGatewayV2HTTPEvent.builder().withVersion("2.0").withRouteKey("$default").withRawPath(path)
        .withRawQueryString(rawQuery)
        .withQueryStringParameters(rawQuery.isEmpty() ? null : query(rawQuery))
        .withHeaders(Map.of("host", "abcdefg.lambda-url.us-east-1.on.aws", "accept", "*/*"))
        .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
            .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod("GET").withPath(path)
                .withProtocol("HTTP/1.1").withSourceIp("127.0.0.1").withUserAgent("Amazon CloudFront").build())
            .withRequestId("req-" + System.nanoTime()).withStage("$default").withDomainName("abcdefg.lambda-url.us-east-1.on.aws")
            .withTimeEpoch(System.currentTimeMillis()).build())
        .withIsBase64Encoded(false).build();
  }
}
