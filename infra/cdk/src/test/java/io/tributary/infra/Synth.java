package io.tributary.infra;

import io.tributary.infra.config.InfraConfig;
import io.tributary.infra.stack.TributaryStack;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.assertions.Template;

/**
 * Synthesizes each configuration once per test JVM (a synth costs seconds through jsii) and hands
 * the same stack and template to every test class that asks for it.
 */
public record Synth(App app, TributaryStack stack, Template template, InfraConfig config) {
  private static final Map<String, Synth> CACHE = new ConcurrentHashMap<>();

  /** Defaults: Fargate transcode, RTMP only. */
  public static Synth defaults() {
    return CACHE.computeIfAbsent("defaults", k -> synth(k, Map.of()));
  }

  /** Every optional feature on: Lambda transcode with the ffmpeg layer, RTMPS, retention, e-mail. */
  public static Synth variant() {
    return CACHE.computeIfAbsent("variant", k -> synth(k, Map.of(
        InfraConfig.PREFIX, "tributary-test",
        InfraConfig.TRANSCODE, "lambda",
        InfraConfig.CERTIFICATE_ARN, "arn:aws:acm:eu-west-1:123456789012:certificate/0a1b2c3d-4e5f-6789-abcd-ef0123456789",
        InfraConfig.INGEST_DOMAIN, "ingest.example.com",
        InfraConfig.MEDIA_RETENTION_DAYS, "30",
        InfraConfig.ALARM_EMAIL, "ops@example.com",
        InfraConfig.INGEST_MAX_TASKS, 8,
        InfraConfig.PRICE_CLASS, "All")));
  }

  private static Synth synth(String name, Map<String, Object> overrides) {
    // cdk.json's context first, as `cdk synth` applies it, then the case's own values.
    Map<String, Object> context = new HashMap<>(CdkJson.context());
    context.putAll(overrides);
    App app = new App(AppProps.builder()
        .outdir(Path.of("target", "cdk.out-" + name).toAbsolutePath().toString())
        .context(context)
        .build());
    InfraConfig config = InfraConfig.fromContext(app.getNode()::tryGetContext);
    TributaryStack stack = InfraApp.build(app, config, TestArtifacts.create(), Map.of());
    return new Synth(app, stack, Template.fromStack(stack), config);
  }
}
