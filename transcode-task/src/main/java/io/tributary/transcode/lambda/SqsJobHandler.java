package io.tributary.transcode.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.tributary.core.aws.AwsClients;
import io.tributary.core.aws.AwsSettings;
import io.tributary.core.media.FfmpegLocator;
import io.tributary.core.resources.ResourceNames;
import io.tributary.transcode.job.Disposition;
import io.tributary.transcode.job.JobMessage;
import io.tributary.transcode.job.JobProcessor;
import io.tributary.transcode.metrics.WorkerMetrics;
import io.tributary.transcode.worker.Components;
import io.tributary.transcode.worker.WorkerConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The SQS-triggered Lambda: the same {@link JobProcessor} as the ECS worker, one message at a
 * time, failures reported per message ({@code ReportBatchItemFailures}) so only they are retried.
 * ffmpeg comes from the layer: {@code TRIBUTARY_FFMPEG=/opt/bin/ffmpeg}. Metrics are EMF lines
 * (TRIBUTARY_EMF defaults to true here); scratch space is /tmp.
 */
public final class SqsJobHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {
  private final JobProcessor processor;

  /** Lambda runtime constructor: everything from the environment, once per container. */
  public SqsJobHandler() {
    this(System.getenv());
  }

  SqsJobHandler(Map<String, String> env) {
    Map<String, String> withDefaults = new java.util.HashMap<>(env);
    withDefaults.putIfAbsent("TRIBUTARY_EMF", "true");
    withDefaults.putIfAbsent("TRIBUTARY_SCRATCH_DIR", "/tmp/tributary-transcode");
    WorkerConfig config = WorkerConfig.fromEnv(withDefaults);
    this.processor = new JobProcessor(Components.handler(new AwsClients(AwsSettings.fromEnv(env)), ResourceNames.fromEnv(env),
        FfmpegLocator.binaries(), config), new WorkerMetrics(config.emf(), System.out), config.maxReceiveCount());
  }

  public SqsJobHandler(JobProcessor processor) {
    this.processor = processor;
  }

  @Override
  public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
    List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
    for (SQSEvent.SQSMessage m : event.getRecords()) {
      Map<String, String> a = m.getAttributes() == null ? Map.of() : m.getAttributes();
      int receives = parse(a.get("ApproximateReceiveCount"), 1);
      long sent = parse(a.get("SentTimestamp"), -1);
      Disposition d = processor.process(new JobMessage(m.getMessageId(), m.getBody(), Math.max(1, receives), sent));
      if (d != Disposition.DELETE) {
        failures.add(SQSBatchResponse.BatchItemFailure.builder().withItemIdentifier(m.getMessageId()).build());
      }
    }
    return SQSBatchResponse.builder().withBatchItemFailures(failures).build();
  }

  private static int parse(String v, int dflt) {
    return (int) parse(v, (long) dflt);
  }

  private static long parse(String v, long dflt) {
    if (v == null || v.isBlank()) {
      return dflt;
    }
    try {
      return Long.parseLong(v.strip());
    } catch (NumberFormatException e) {
      return dflt;
    }
  }
}
