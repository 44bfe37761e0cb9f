package io.tributary.playlist.bench;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.tributary.playlist.PlaylistLambda;
import java.lang.management.ManagementFactory;

/**
 * A Lambda cold start in a fresh JVM: construct the real handler (what the Lambda init phase
 * does) and serve one manifest event. Prints times from JVM start. Used by {@link StartupProbe}.
 */
public final class LambdaColdStart {
  private LambdaColdStart() {}

  public static void main(String[] args) {
    long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
    PlaylistLambda handler = new PlaylistLambda();
    long init = System.currentTimeMillis() - jvmStart;
    APIGatewayV2HTTPResponse r = handler.handleRequest(LambdaEvents.get(args[0], ""), null);
    long first = System.currentTimeMillis() - jvmStart;
    long t = System.nanoTime();
    handler.handleRequest(LambdaEvents.get(args[0], ""), null);
    long second = (System.nanoTime() - t) / 1_000_000;
    System.out.println("coldstart status=" + r.getStatusCode() + " init_ms=" + init + " first_ms=" + first
        + " second_ms=" + second);
    System.exit(r.getStatusCode() == 200 ? 0 : 1);
  }
}
