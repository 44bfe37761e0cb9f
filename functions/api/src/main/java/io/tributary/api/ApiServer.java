package io.tributary.api;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.Micronaut;
import io.micronaut.runtime.server.EmbeddedServer;
import java.util.Map;

/**
 * The local server: the same controllers as the Lambda, on Micronaut's Netty server. Binds
 * {@code TRIBUTARY_API_HOST} (default 127.0.0.1) : {@code TRIBUTARY_API_PORT} (default 8081, 0 for
 * any free port), prints {@code ready: api <url>} on stdout once it answers, and stops on SIGTERM
 * through Micronaut's shutdown hook.
 */
public final class ApiServer {
  public static final String DEFAULT_PORT = "8081";

  private ApiServer() {}

  public static void main(String[] args) {
    ApplicationContext ctx = start(args, System.getenv());
    EmbeddedServer server = ctx.getBean(EmbeddedServer.class);
    System.out.println("ready: api http://" + server.getHost() + ":" + server.getPort());
    System.out.flush();
  }

  /** Starts the server with the given environment's port and host settings. */
  public static ApplicationContext start(String[] args, Map<String, String> env) {
    String port = env.getOrDefault("TRIBUTARY_API_PORT", DEFAULT_PORT);
    if (!port.matches("\\d{1,5}") || Integer.parseInt(port) > 65535) {
      throw new IllegalArgumentException("TRIBUTARY_API_PORT must be 0..65535, got " + port);
    }
    String host = env.getOrDefault("TRIBUTARY_API_HOST", "127.0.0.1");
    return Micronaut.build(args).mainClass(ApiServer.class).banner(false)
        .properties(Map.of("micronaut.server.port", port, "micronaut.server.host", host))
        .start();
  }
}
