package io.tributary.ingest.server;

import io.tributary.core.aws.AwsClients;
import io.tributary.core.resources.ResourceNames;
import io.tributary.ingest.sink.S3ChunkStore;
import io.tributary.ingest.sink.BatchingSqsJobPublisher;
import io.tributary.ingest.sink.Uploader;
import io.tributary.ingest.sink.UploaderSettings;
import io.tributary.ingest.streams.StreamRepository;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Entry point of the ingest service (container command, local launcher). Configuration: see
 * {@link IngestConfig#fromEnv}, plus core's AWS variables. Prints {@code ready: ingest
 * rtmp://host:port} on stdout when accepting; SIGTERM drains (see {@link IngestServer#drain}).
 */
public final class IngestMain {
  private static final Logger LOG = LoggerFactory.getLogger(IngestMain.class);

  private IngestMain() {}

  public static void main(String[] args) throws Exception {
    IngestConfig config;
    try {
      config = IngestConfig.fromEnv();
    } catch (IllegalArgumentException e) {
      System.err.println("ingest: invalid configuration: " + e.getMessage());
      System.exit(2);
      return;
    }
    AwsClients aws = AwsClients.fromEnv();
    ResourceNames names = ResourceNames.fromEnv();
    Uploader uploader = new Uploader(new UploaderSettings(config.uploadThreads(), config.bufferMemoryBytes(),
        config.spillMaxBytesPerSession(), config.spillDir(), Duration.ofMinutes(2)),
        new S3ChunkStore(aws.s3(), names.rawBucket()), BatchingSqsJobPublisher.forQueue(aws.sqs(), names.jobQueue(), 2,
        config.jobLingerMs()));
    TaskProtection protection = new TaskProtection(config.ecsAgentUri());
    IngestServer server = new IngestServer(config, new StreamRepository(aws.dynamo(), names), uploader, protection);
    InetSocketAddress rtmp;
    HealthHttpServer http;
    try {
      rtmp = server.start();
      http = new HealthHttpServer(config.host(), config.httpPort(), server);
      http.start();
    } catch (Exception e) {
      // A port in use (or a bad certificate) must end the process, not leave Netty's threads running.
      LOG.error("ingest failed to start: {}", e.toString());
      System.err.println("ingest: failed to start: " + e);
      server.close();
      System.exit(1);
      return;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        LOG.info("SIGTERM: draining");
        server.drain(config.drainTimeout());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } finally {
        http.close();
        server.close();
        protection.close();
        stopped.countDown();
        LOG.info("ingest stopped");
      }
    }, "ingest-shutdown"));
    LOG.info("ingest ready: rtmp {} health/metrics http://{}:{} task {} app {} raw bucket {} queue {} (ECS protection {})",
        rtmp, config.host(), http.address().getPort(), config.taskId(), config.app(), names.rawBucket(), names.jobQueue(),
        protection.enabled() ? "on" : "off");
    String host = config.host().equals("0.0.0.0") ? "127.0.0.1" : config.host();
    System.out.println("ready: ingest rtmp://" + host + ":" + rtmp.getPort());
    System.out.flush();
    stopped.await();
  }
}
