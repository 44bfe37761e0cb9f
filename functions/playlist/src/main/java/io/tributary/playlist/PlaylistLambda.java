package io.tributary.playlist;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.function.aws.proxy.payload2.APIGatewayV2HTTPEventFunction;
import io.tributary.playlist.service.ManifestService;
import io.tributary.playlist.service.PlaylistConfig;
import io.tributary.playlist.service.Priming;

/**
 * Lambda handler behind a Function URL (API Gateway v2 HTTP payload), the CloudFront origin for
 * manifests and the watch page. Same controllers as {@link PlaylistServer}, no Netty. Handler
 * string: {@code io.tributary.playlist.PlaylistLambda::handleRequest}.
 */
public class PlaylistLambda extends APIGatewayV2HTTPEventFunction {
  public PlaylistLambda() {
    super();
    if (PlaylistConfig.fromEnv(System.getenv()).eagerInit()) {
      Priming.run(PlaylistServer.PRIMING_ROUNDS);
      applicationContext.getBean(ManifestService.class).primeAws();
    }
  }

  /** Every singleton at init (TRIBUTARY_PLAYLIST_EAGER_INIT, default true): SnapStart snapshots them. */
  @Override
  protected ApplicationContextBuilder newApplicationContextBuilder() {
    return super.newApplicationContextBuilder()
        .eagerInitSingletons(PlaylistConfig.fromEnv(System.getenv()).eagerInit());
  }

  /** For tests and in-process measurements with a prepared context. */
  public PlaylistLambda(ApplicationContext context) {
    super(context);
  }
}
