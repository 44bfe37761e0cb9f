package io.tributary.transcode.job;

import io.tributary.core.media.FfmpegLocator;
import io.tributary.local.aws.LocalAws;
import io.tributary.transcode.worker.Components;
import io.tributary.transcode.worker.WorkerConfig;
import java.nio.file.Path;
import java.time.Duration;

/** Handlers and worker configs against a LocalAws, with short timings so retries take seconds. */
public final class TestWorkers {
  private TestWorkers() {}

  public static WorkerConfig config(Path scratch) {
    return config(scratch, "veryfast");
  }

  /** A slow preset makes ffmpeg run for seconds, for tests that must interrupt a job mid-way. */
  public static WorkerConfig config(Path scratch, String preset) {
    return new WorkerConfig(1, Duration.ofSeconds(3), Duration.ZERO, Duration.ofSeconds(1), 3, Duration.ofSeconds(60),
        preset, scratch, "127.0.0.1", 0, false, Duration.ofSeconds(10));
  }

  public static TranscodeHandler handler(LocalAws aws, Path scratch) {
    return handler(aws, config(scratch));
  }

  public static TranscodeHandler handler(LocalAws aws, WorkerConfig config) {
    return Components.handler(aws.clients(), aws.names(), FfmpegLocator.binaries(), config);
  }
}
