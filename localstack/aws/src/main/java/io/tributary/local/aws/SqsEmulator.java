package io.tributary.local.aws;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.elasticmq.server.ElasticMQServer;
import org.elasticmq.server.config.ElasticMQServerConfig;
import scala.Function0;

/**
 * ElasticMQ, embedded, on one loopback port. Persistent mode stores queues and messages in H2
 * under {@code dir} (ElasticMQ's {@code messages-storage}), so jobs waiting at shutdown are still
 * there after a restart; otherwise everything is in memory.
 */
final class SqsEmulator implements AutoCloseable {
  private final Function0<?> shutdown;
  private final int port;

  private SqsEmulator(Function0<?> shutdown, int port) {
    this.shutdown = shutdown;
    this.port = port;
  }

  static SqsEmulator start(int port, Path dir, boolean persistent, String region) throws Exception {
    Map<String, Object> c = new HashMap<>();
    c.put("rest-sqs.enabled", true);
    c.put("rest-sqs.bind-port", port);
    c.put("rest-sqs.bind-hostname", LoopbackPort.HOST);
    // "relaxed" would accept what real SQS refuses; tests must see AWS's limits.
    c.put("rest-sqs.sqs-limits", "strict");
    c.put("rest-stats.enabled", false);
    c.put("generate-node-address", false);
    c.put("node-address.protocol", "http");
    c.put("node-address.host", LoopbackPort.HOST);
    c.put("node-address.port", port);
    c.put("node-address.context-path", "");
    c.put("aws.region", region);
    c.put("aws.accountId", "000000000000");
    c.put("pekko.loglevel", "WARNING");
    c.put("pekko.stdout-loglevel", "OFF");
    if (persistent) {
      Files.createDirectories(dir);
      c.put("messages-storage.enabled", true);
      c.put("messages-storage.uri", "jdbc:h2:" + dir.resolve("elasticmq").toAbsolutePath());
      c.put("messages-storage.prune-data-on-init", false);
    }
    Config config = ConfigFactory.parseMap(c).withFallback(ConfigFactory.load(SqsEmulator.class.getClassLoader()));
    ElasticMQServer server = new ElasticMQServer(new ElasticMQServerConfig(config));
    Function0<?> stop = server.start();
    return new SqsEmulator(stop, port);
  }

  int port() {
    return port;
  }

  @Override
  public void close() {
    shutdown.apply();
  }
}
