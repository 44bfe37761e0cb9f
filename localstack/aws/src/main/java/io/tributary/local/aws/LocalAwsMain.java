package io.tributary.local.aws;

import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the embedded local AWS alone, configured by {@link LocalAwsConfig#fromEnv(Map)}, until
 * Ctrl-C. Prints the environment other processes need as {@code NAME=value} lines, then
 * {@code local-aws: ready in N ms}. With {@code TRIBUTARY_LOCAL_AWS_METRICS_PORT} set it also
 * serves {@code /metrics} there (unset: no endpoint). A bad configuration prints one line and
 * exits with 2.
 */
public final class LocalAwsMain {
  private LocalAwsMain() {}

  public static void main(String[] args) throws InterruptedException {
    LocalLogging.useModuleConfigUnlessSet();
    LocalAwsServer server;
    MetricsEndpoint metrics = null;
    try {
      Integer metricsPort = metricsPort(System.getenv(MetricsEndpoint.ENV_PORT));
      server = LocalAwsServer.start(LocalAwsConfig.fromEnv());
      if (metricsPort != null) {
        metrics = MetricsEndpoint.start(metricsPort, server::prometheusText);
      }
    } catch (LocalAwsException e) {
      System.err.println("local-aws: " + e.getMessage());
      System.exit(2);
      return;
    }
    server.env().forEach((k, v) -> System.out.println(k + "=" + v));
    if (metrics != null) {
      System.out.println("metrics: http://" + LoopbackPort.HOST + ":" + metrics.port() + "/metrics");
    }
    System.out.println("local-aws: ready in " + server.timings().bootstrappedMs() + " ms, data in "
        + server.config().dataDir() + " (Ctrl-C stops)");
    CountDownLatch stopped = new CountDownLatch(1);
    // The server's own shutdown hook stops the emulators; this one only releases main.
    Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown, "local-aws-main-exit"));
    stopped.await();
  }

  private static Integer metricsPort(String v) {
    if (v == null || v.isBlank()) {
      return null;
    }
    try {
      return Integer.parseInt(v.strip());
    } catch (NumberFormatException e) {
      throw new LocalAwsException(MetricsEndpoint.ENV_PORT, v, MetricsEndpoint.ENV_PORT + "=" + v
          + " is not a port: set a number or unset it");
    }
  }
}
