package io.tributary.transcode.worker;

import io.tributary.core.aws.AwsClients;
import io.tributary.core.media.FfmpegLocator;
import io.tributary.core.resources.ResourceNames;
import io.tributary.transcode.job.JobProcessor;
import io.tributary.transcode.job.TranscodeHandler;
import io.tributary.transcode.metrics.MetricsServer;
import io.tributary.transcode.metrics.WorkerMetrics;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ECS task's entry point: configuration from the environment (see {@link WorkerConfig}, AWS
 * endpoints and resource names as core reads them), /metrics, then the SQS poller until SIGTERM.
 * Prints {@code ready: transcode <metrics url>} once polling.
 */
public final class WorkerMain {
  private static final Logger LOG = LoggerFactory.getLogger(WorkerMain.class);

  private WorkerMain() {}

  public static void main(String[] args) throws InterruptedException {
    Map<String, String> env = System.getenv();
    WorkerConfig config;
    try {
      config = WorkerConfig.fromEnv(env);
    } catch (IllegalArgumentException e) {
      LOG.error("invalid configuration: {}", e.getMessage());
      System.exit(2);
      return;
    }
    AwsClients clients = AwsClients.fromEnv();
    ResourceNames names = ResourceNames.fromEnv(env);
    WorkerMetrics metrics = new WorkerMetrics(config.emf(), System.out);
    TranscodeHandler handler = Components.handler(clients, names, FfmpegLocator.binaries(), config);
    JobProcessor processor = new JobProcessor(handler, metrics, config.maxReceiveCount());
    var sqs = clients.sqs();
    String queueUrl = sqs.getQueueUrl(b -> b.queueName(names.jobQueue())).queueUrl();
    MetricsServer server = new MetricsServer(config.metricsHost(), config.metricsPort(), metrics);
    SqsWorker worker = new SqsWorker(sqs, queueUrl, processor, config);
    CountDownLatch done = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      LOG.info("SIGTERM: finishing jobs in flight (grace {}s)", config.shutdownGrace().toSeconds());
      worker.stop(config.shutdownGrace());
      server.close();
      done.countDown();
    }, "shutdown"));
    worker.start();
    System.out.println("ready: transcode " + server.url());
    System.out.flush();
    done.await();
  }
}
