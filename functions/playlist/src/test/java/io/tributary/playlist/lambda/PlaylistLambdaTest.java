package io.tributary.playlist.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.micronaut.context.ApplicationContext;
import io.tributary.core.id.StreamId;
import io.tributary.local.aws.LocalAws;
import io.tributary.local.aws.LocalAwsExtension;
import io.tributary.playlist.PlaylistLambda;
import io.tributary.playlist.bench.LambdaEvents;
import io.tributary.playlist.bench.SyntheticStream;
import io.tributary.playlist.manifest.HlsValidator;
import io.tributary.playlist.manifest.MpdValidator;
import io.tributary.playlist.service.PlaylistConfig;
import io.tributary.playlist.service.PlaylistEnv;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The real Lambda handler class driven with Function URL (API Gateway v2) events over local AWS. */
@ExtendWith(LocalAwsExtension.class)
class PlaylistLambdaTest {
  @Test
  void functionUrlEventsGetManifestsWithHeaders(LocalAws aws) {
    String id = SyntheticStream.write(aws.clients().dynamo(), aws.names(), 4);
    Map<String, String> env = new HashMap<>(aws.env());
    env.put(PlaylistConfig.ENV_SERVE_MEDIA, "false");
    try (ApplicationContext ctx = ApplicationContext.builder().singletons(new PlaylistEnv(env)).start()) {
      PlaylistLambda lambda = new PlaylistLambda(ctx);
      APIGatewayV2HTTPResponse master = lambda.handleRequest(LambdaEvents.get("/live/" + id + "/master.m3u8", ""), null);
      assertEquals(200, master.getStatusCode(), master.getBody());
      assertTrue(header(master, "Content-Type").startsWith("application/vnd.apple.mpegurl"), master.getHeaders().toString());
      assertEquals("*", header(master, "Access-Control-Allow-Origin"));
      assertEquals("public, max-age=1", header(master, "Cache-Control"));
      HlsValidator.multivariant(master.getBody());
      APIGatewayV2HTTPResponse media = lambda.handleRequest(LambdaEvents.get("/live/" + id + "/source.m3u8", ""), null);
      assertEquals(4, HlsValidator.media(media.getBody()).segments().size());
      APIGatewayV2HTTPResponse mpd = lambda.handleRequest(LambdaEvents.get("/live/" + id + "/manifest.mpd", ""), null);
      MpdValidator.validate(mpd.getBody());
      // In AWS CloudFront sends segment paths to S3; the function refuses to proxy media.
      assertEquals(404, lambda.handleRequest(LambdaEvents.get("/live/" + id + "/source/0.m4s", ""), null).getStatusCode());
      APIGatewayV2HTTPResponse missing = lambda.handleRequest(
          LambdaEvents.get("/live/" + StreamId.random().value() + "/master.m3u8", ""), null);
      assertEquals(404, missing.getStatusCode());
      assertEquals("public, max-age=1", header(missing, "Cache-Control"));
      APIGatewayV2HTTPResponse bad = lambda.handleRequest(
          LambdaEvents.get("/live/" + id + "/master.m3u8", "start=soon"), null);
      assertEquals(400, bad.getStatusCode(), bad.getBody());
    }
  }

  private static String header(APIGatewayV2HTTPResponse r, String name) {
    if (r.getHeaders() != null) {
      for (var e : r.getHeaders().entrySet()) {
        if (e.getKey().equalsIgnoreCase(name)) {
          return e.getValue();
        }
      }
    }
    if (r.getMultiValueHeaders() != null) {
      for (var e : r.getMultiValueHeaders().entrySet()) {
        if (e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) {
          return e.getValue().get(0);
        }
      }
    }
    return "";
  }
}
