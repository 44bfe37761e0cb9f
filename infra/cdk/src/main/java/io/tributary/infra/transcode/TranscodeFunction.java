package io.tributary.infra.transcode;

import io.tributary.infra.config.InfraConfig;
import io.tributary.infra.config.ServiceContract;
import io.tributary.infra.functions.FunctionRole;
import io.tributary.infra.storage.ResourceEnv;
import io.tributary.infra.nag.Nag;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Size;
import software.amazon.awscdk.services.lambda.Architecture;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.eventsources.SqsEventSource;
import software.amazon.awscdk.services.lambda.eventsources.SqsEventSourceProps;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.constructs.Construct;

/**
 * The {@code transcode=lambda} alternative: the transcode module's SQS handler with ffmpeg from
 * {@link FfmpegLayer}. One job per invocation (a job is one ffmpeg run), partial batch failures
 * reported so a failed job returns to the queue alone and the redrive policy, not code, sends
 * poison jobs to the DLQ. No SnapStart: the handler spawns ffmpeg processes, which a snapshot
 * cannot carry, and ffmpeg's run time dwarfs the JVM start.
 */
public final class TranscodeFunction extends Construct {
  /** 3008 MB (about 1.8 vCPU) is the ceiling new accounts get without a quota increase. */
  public static final int MEMORY_MB = 3008;
  /** Lambda must finish before the message becomes visible again (SQS visibility timeout). */
  public static final int TIMEOUT_MARGIN_SECONDS = 10;

  private final Function function;

  public TranscodeFunction(Construct scope, String id, InfraConfig config, Path jar, FfmpegLayer ffmpeg,
                           ResourceEnv env, TranscodeAccess access) {
    super(scope, id);
    Map<String, String> environment = new LinkedHashMap<>(env.variables());
    environment.put(ServiceContract.FFMPEG, ServiceContract.LAYER_FFMPEG);
    environment.put(ServiceContract.FFPROBE, ServiceContract.LAYER_FFPROBE);
    environment.put(ServiceContract.MAX_RECEIVE_COUNT, Integer.toString(access.jobs().spec().maxReceiveCount()));
    int timeout = (int) access.jobs().spec().visibilityTimeout().toSeconds() - TIMEOUT_MARGIN_SECONDS;
    // ffmpeg is killed before the invocation times out, so the failure is reported, not lost.
    environment.put(ServiceContract.FFMPEG_TIMEOUT_SECONDS, Integer.toString(timeout - TIMEOUT_MARGIN_SECONDS));
    LogGroup logs = LogGroup.Builder.create(this, "Logs")
        .retention(RetentionDays.ONE_MONTH).removalPolicy(RemovalPolicy.DESTROY).build();
    function = Function.Builder.create(this, "Function")
        .role(FunctionRole.create(this, "Role", logs))
        .runtime(ServiceContract.LAMBDA_RUNTIME)
        .architecture(Architecture.X86_64)
        .handler(ServiceContract.TRANSCODE_HANDLER)
        .code(Code.fromAsset(jar.toString()))
        .layers(List.of(ffmpeg.layer()))
        .memorySize(MEMORY_MB)
        .ephemeralStorageSize(Size.mebibytes(2048))
        .timeout(Duration.seconds(timeout))
        .environment(environment)
        .logGroup(logs)
        .description("Tributary transcode: SQS job -> ffmpeg -> CMAF segments")
        .build();
    Nag.suppress(function, "AwsSolutions-L1", "Java 21 is the newest runtime the services are built and tested "
        + "for (ServiceContract.LAMBDA_RUNTIME).");
    access.grantTo(function);
    function.addEventSource(new SqsEventSource(access.jobs().queue(), SqsEventSourceProps.builder()
        .batchSize(1)
        .reportBatchItemFailures(true)
        .maxConcurrency(config.transcodeLambdaConcurrency())
        .build()));
  }

  public Function function() {
    return function;
  }
}
