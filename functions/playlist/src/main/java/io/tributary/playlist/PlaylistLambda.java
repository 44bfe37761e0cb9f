package io.tributary.playlist;

import io.micronaut.context.ApplicationContext;
import io.micronaut.function.aws.proxy.payload2.APIGatewayV2HTTPEventFunction;

/**
 * Lambda handler behind a Function URL (API Gateway v2 HTTP payload), the CloudFront origin for
 * manifests and the watch page. Same controllers as {@link PlaylistServer}, no Netty. Handler
 * string: {@code io.tributary.playlist.PlaylistLambda::handleRequest}.
 */
public class PlaylistLambda extends APIGatewayV2HTTPEventFunction {
  public PlaylistLambda() {
    super();
  }

  /** For tests and in-process measurements with a prepared context. */
  public PlaylistLambda(ApplicationContext context) {
    super(context);
  }
}
