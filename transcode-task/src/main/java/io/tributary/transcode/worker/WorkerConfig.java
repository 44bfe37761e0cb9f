package io.tributary.transcode.worker;

import io.tributary.core.config.EnvVars;
import io.tributary.core.resources.ResourceNames;
import io.tributary.core.resources.Schema;
import io.tributary.transcode.media.EncoderSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * Worker settings from the environment, validated at start (a bad value stops the process with
 * the variable's name). Defaults in brackets:
 * <ul>
 *   <li>{@code TRIBUTARY_WORKER_CONCURRENCY} jobs in parallel [1; one ffmpeg already uses both cores of a 2-vCPU task]
 *   <li>{@code TRIBUTARY_VISIBILITY_SECONDS} visibility of a received job, extended every third of it while it runs [30]
 *   <li>{@code TRIBUTARY_RETRY_DELAY_SECONDS} visibility set after a failure, before the retry [10]
 *   <li>{@code TRIBUTARY_POLL_WAIT_SECONDS} SQS long-poll wait [20]
 *   <li>{@code TRIBUTARY_MAX_RECEIVE_COUNT} the queue's redrive maxReceiveCount [core Schema, 3]
 *   <li>{@code TRIBUTARY_FFMPEG_TIMEOUT_SECONDS} kill ffmpeg after [120]
 *   <li>{@code TRIBUTARY_X264_PRESET} [veryfast]
 *   <li>{@code TRIBUTARY_SCRATCH_DIR} job work dirs [java.io.tmpdir/tributary-transcode]
 *   <li>{@code TRIBUTARY_TRANSCODE_METRICS_HOST} / {@code _PORT} the /metrics listener [127.0.0.1 / 8083; port 0 = any free]
 *   <li>{@code TRIBUTARY_EMF} one CloudWatch EMF line per job on stdout [false; true in AWS]
 *   <li>{@code TRIBUTARY_SHUTDOWN_GRACE_SECONDS} on SIGTERM, time for jobs in flight to finish before
 *       they are released to other workers [25; ECS gives 30 s by default]
 * </ul>
 */
public record WorkerConfig(int concurrency, Duration visibility, Duration retryDelay, Duration pollWait,
                           int maxReceiveCount, Duration ffmpegTimeout, String x264Preset, Path scratch,
                           String metricsHost, int metricsPort, boolean emf, Duration shutdownGrace) {
  public WorkerConfig {
    check(concurrency >= 1 && concurrency <= 32, "TRIBUTARY_WORKER_CONCURRENCY", concurrency, "1..32");
    check(visibility.toSeconds() >= 2 && visibility.toSeconds() <= 43_200, "TRIBUTARY_VISIBILITY_SECONDS",
        visibility.toSeconds(), "2..43200 (SQS limit)");
    check(!retryDelay.isNegative() && retryDelay.toSeconds() <= 43_200, "TRIBUTARY_RETRY_DELAY_SECONDS",
        retryDelay.toSeconds(), "0..43200");
    check(pollWait.toSeconds() >= 0 && pollWait.toSeconds() <= 20, "TRIBUTARY_POLL_WAIT_SECONDS",
        pollWait.toSeconds(), "0..20 (SQS limit)");
    check(maxReceiveCount >= 1, "TRIBUTARY_MAX_RECEIVE_COUNT", maxReceiveCount, ">= 1");
    check(ffmpegTimeout.toSeconds() >= 1, "TRIBUTARY_FFMPEG_TIMEOUT_SECONDS", ffmpegTimeout.toSeconds(), ">= 1");
    check(metricsPort >= 0 && metricsPort <= 65_535, "TRIBUTARY_TRANSCODE_METRICS_PORT", metricsPort, "0..65535");
    check(!shutdownGrace.isNegative(), "TRIBUTARY_SHUTDOWN_GRACE_SECONDS", shutdownGrace.toSeconds(), ">= 0");
    try {
      new EncoderSettings(x264Preset, EncoderSettings.DEFAULT.thumbnailHeight(), EncoderSettings.DEFAULT.bframes());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("TRIBUTARY_X264_PRESET=" + x264Preset + ": " + e.getMessage(), e);
    }
  }

  public static WorkerConfig fromEnv(Map<String, String> env) {
    int maxReceive = new Schema(ResourceNames.fromEnv(env)).jobQueue().maxReceiveCount();
    return new WorkerConfig(
        EnvVars.integer(env, "TRIBUTARY_WORKER_CONCURRENCY", 1),
        Duration.ofSeconds(EnvVars.integer(env, "TRIBUTARY_VISIBILITY_SECONDS", 30)),
        Duration.ofSeconds(EnvVars.integer(env, "TRIBUTARY_RETRY_DELAY_SECONDS", 10)),
        Duration.ofSeconds(EnvVars.integer(env, "TRIBUTARY_POLL_WAIT_SECONDS", 20)),
        EnvVars.integer(env, "TRIBUTARY_MAX_RECEIVE_COUNT", maxReceive),
        Duration.ofSeconds(EnvVars.integer(env, "TRIBUTARY_FFMPEG_TIMEOUT_SECONDS", 120)),
        env.getOrDefault("TRIBUTARY_X264_PRESET", "veryfast"),
        Path.of(env.getOrDefault("TRIBUTARY_SCRATCH_DIR",
            Path.of(System.getProperty("java.io.tmpdir"), "tributary-transcode").toString())),
        env.getOrDefault("TRIBUTARY_TRANSCODE_METRICS_HOST", "127.0.0.1"),
        EnvVars.integer(env, "TRIBUTARY_TRANSCODE_METRICS_PORT", 8083),
        Boolean.parseBoolean(env.getOrDefault("TRIBUTARY_EMF", "false")),
        Duration.ofSeconds(EnvVars.integer(env, "TRIBUTARY_SHUTDOWN_GRACE_SECONDS", 25)));
  }

  private static void check(boolean ok, String name, long value, String range) {
    if (!ok) {
      throw new IllegalArgumentException(name + "=" + value + " is out of range " + range);
    }
  }
}
