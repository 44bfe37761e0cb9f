package io.tributary.ingest.server;

import io.tributary.ingest.sink.S3ChunkStore;
import io.tributary.ingest.sink.BatchingSqsJobPublisher;
import io.tributary.ingest.sink.Uploader;
import io.tributary.ingest.sink.UploaderSettings;
import io.tributary.ingest.streams.StreamRepository;
import io.tributary.local.aws.LocalAws;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** The real ingest server in the test JVM on ephemeral loopback ports, wired to the local AWS as IngestMain wires it. */
public final class RunningIngest implements AutoCloseable {
  public final IngestConfig config;
  public final IngestServer server;
  public final HealthHttpServer http;
  public final InetSocketAddress rtmp;

  private RunningIngest(IngestConfig config, IngestServer server, HealthHttpServer http, InetSocketAddress rtmp) {
    this.config = config;
    this.server = server;
    this.http = http;
    this.rtmp = rtmp;
  }

  public static RunningIngest start(LocalAws aws, Map<String, String> overrides) throws Exception {
    Map<String, String> env = new HashMap<>(aws.env());
    env.put("TRIBUTARY_INGEST_HOST", "127.0.0.1");
    env.put("TRIBUTARY_INGEST_PORT", "0");
    env.put("TRIBUTARY_INGEST_HTTP_PORT", "0");
    env.put("TRIBUTARY_INGEST_SPILL_DIR", Files.createTempDirectory("ingest-spill").toString());
    env.put("TRIBUTARY_INGEST_UNAUTHORIZED_DELAY_MS", "300");
    env.put("TRIBUTARY_INGEST_HEALTH_INTERVAL_MS", "1000");
    env.put("TRIBUTARY_EMF", "false");
    env.putAll(overrides);
    IngestConfig config = IngestConfig.fromEnv(env);
    Uploader uploader = new Uploader(new UploaderSettings(config.uploadThreads(), config.bufferMemoryBytes(),
        config.spillMaxBytesPerSession(), config.spillDir(), Duration.ofMinutes(2)),
        new S3ChunkStore(aws.clients().s3(), aws.names().rawBucket()),
        new BatchingSqsJobPublisher(aws.clients().sqs(), aws.queueUrl(), 2));
    TaskProtection protection = new TaskProtection(config.ecsAgentUri());
    IngestServer server = new IngestServer(config, new StreamRepository(aws.clients().dynamo(), aws.names()), uploader,
        protection);
    InetSocketAddress rtmp = server.start();
    HealthHttpServer http = new HealthHttpServer("127.0.0.1", 0, server);
    http.start();
    return new RunningIngest(config, server, http, rtmp);
  }

  public String url(String key) {
    return "rtmp://127.0.0.1:" + rtmp.getPort() + "/live/" + key;
  }

  public Path spillDir() {
    return config.spillDir();
  }

  @Override
  public void close() {
    http.close();
    server.close();
  }
}
