package io.tributary.transcode.bench;

import io.tributary.core.job.TranscodeJob;
import io.tributary.core.job.TranscodeJobJson;
import io.tributary.core.media.FfmpegLocator;
import io.tributary.core.media.Ladder;
import io.tributary.core.media.Rendition;
import io.tributary.local.aws.LocalAws;
import io.tributary.local.aws.LocalAwsConfig;
import io.tributary.local.aws.LocalAwsServer;
import io.tributary.transcode.job.JobProcessor;
import io.tributary.transcode.job.LocalJobs;
import io.tributary.transcode.job.TranscodeHandler;
import io.tributary.transcode.media.EncoderSettings;
import io.tributary.transcode.media.FfmpegCommand;
import io.tributary.transcode.media.FfmpegRunner;
import io.tributary.transcode.media.OutputFiles;
import io.tributary.transcode.media.TestClips;
import io.tributary.transcode.media.TestJobs;
import io.tributary.transcode.media.TranscodePlan;
import io.tributary.transcode.metrics.WorkerMetrics;
import io.tributary.transcode.worker.Components;
import io.tributary.transcode.worker.SqsWorker;
import io.tributary.transcode.worker.WorkerConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * Bounded benchmark of the worker on a synthetic 720p30 source (x264 + AAC, 2 s GOP), printing
 * the figures of transcode-task/BENCHMARKS.md. Every comparison is measured in the same run:
 * <ol>
 *   <li>orchestration overhead: the whole handler (download, ffmpeg, upload, index, against the
 *       in-process local AWS) vs the bare ffmpeg command on the same chunks, in CPU seconds on the
 *       worker side (handler thread + ffmpeg; the emulators' own threads are not the worker's);
 *   <li>ladder cost per x264 preset: CPU seconds per media second for decode alone, each rung
 *       alone (minus decode), and the whole job command; real-time factor per vCPU;
 *   <li>chunk enqueued to indexed: jobs enqueued at the live rate (one per chunk duration) to a
 *       polling worker with concurrency 1; p50/p95/max.
 * </ol>
 * Run: {@code mvn -q -pl transcode-task test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=io.tributary.transcode.bench.TranscodeBenchmark
 * [-Dexec.args="rounds presets latencyChunks sections"]}, defaults {@code 3 superfast,veryfast,faster 20
 * ladder,ladder1080,overhead,latency}. Bounded: fixed counts and a 20-minute budget.
 */
public final class TranscodeBenchmark {
  private static final TestClips.Spec SOURCE_720P = new TestClips.Spec(1280, 720, 30, 12, 2, "libx264", "aac", 48000);
  private static final TestClips.Spec SOURCE_1080P = new TestClips.Spec(1920, 1080, 30, 12, 2, "libx264", "aac", 48000);
  private static final Duration BUDGET = Duration.ofMinutes(20);
  private static final long START = System.nanoTime();

  private TranscodeBenchmark() {}

  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
    List<String> presets = List.of((args.length > 1 ? args[1] : "superfast,veryfast,faster").split(","));
    int latencyChunks = args.length > 2 ? Integer.parseInt(args[2]) : 20;
    List<String> sections = List.of((args.length > 3 ? args[3] : "ladder,ladder1080,overhead,latency").split(","));
    List<Path> chunks = TestClips.chunks(SOURCE_720P);
    Path work = Files.createTempDirectory("tributary-bench-");
    System.out.printf(Locale.ROOT, "source: %dx%d@%d, %d kb/s x264, AAC 48 kHz, %d chunks of %d s; %d CPUs%n",
        SOURCE_720P.width(), SOURCE_720P.height(), SOURCE_720P.fps(), SOURCE_720P.videoKbps(), chunks.size(),
        SOURCE_720P.gopSeconds(), Runtime.getRuntime().availableProcessors());
    try (LocalAwsServer server = LocalAwsServer.start(LocalAwsConfig.forTests(work.resolve("aws")))) {
      LocalAws aws = server.aws();
      if (sections.contains("ladder")) {
        ladder(SOURCE_720P, chunks, presets, work);
      }
      if (sections.contains("ladder1080")) {
        ladder(SOURCE_1080P, TestClips.chunks(SOURCE_1080P), List.of("veryfast"), work);
      }
      if (sections.contains("overhead")) {
        overhead(aws, chunks, rounds, work);
      }
      if (sections.contains("latency")) {
        latency(aws, chunks, latencyChunks, work);
      }
    }
  }

  private static List<TranscodeJob> jobs(List<Path> chunks, Ladder ladder) {
    return TestJobs.forClip(SOURCE_720P, chunks, TestJobs.newStream(), TestJobs.newSession(), 0, ladder);
  }

  // 1. Orchestration overhead -------------------------------------------------------------------
  private static void overhead(LocalAws aws, List<Path> chunks, int rounds, Path work) throws IOException {
    Ladder ladder = Ladder.preset(Ladder.DEFAULT_PRESET);
    FfmpegRunner runner = new FfmpegRunner(Duration.ofMinutes(2), 16 * 1024);
    WorkerConfig config = WorkerConfig.fromEnv(aws.env());
    TranscodeHandler handler = Components.handler(aws.clients(), aws.names(), FfmpegLocator.binaries(),
        withScratch(config, work.resolve("scratch")));
    double bareCpu = 0;
    double bareWall = 0;
    double fullCpu = 0;
    double fullWall = 0;
    double fullThread = 0;
    int n = 0;
    // Round 0 warms up the JIT (SDK, parsers) and is not counted: a worker runs for hours.
    for (int round = 0; round <= rounds && inBudget(); round++) {
      List<TranscodeJob> jobs = jobs(chunks, ladder);
      for (int i = 0; i < chunks.size(); i++) {
        TranscodeJob job = jobs.get(i);
        aws.clients().s3().putObject(b -> b.bucket(aws.names().rawBucket()).key(job.chunkKey()),
            RequestBody.fromFile(chunks.get(i)));
        // Bare: the same argv on the local file.
        Path dir = Files.createTempDirectory(work, "bare");
        List<String> argv = FfmpegCommand.build(FfmpegLocator.binaries().ffmpeg(), chunks.get(i), new OutputFiles(dir),
            TranscodePlan.of(job), EncoderSettings.DEFAULT);
        double c0 = Cpu.children() + Cpu.thread();
        long w0 = System.nanoTime();
        runner.run(argv);
        double bw = (System.nanoTime() - w0) / 1e9;
        double bc = Cpu.children() + Cpu.thread() - c0;
        // Full: the handler, from S3 download to the index record.
        double t0 = Cpu.thread();
        c0 = Cpu.children() + t0;
        w0 = System.nanoTime();
        if (!handler.handle(job).indexed()) {
          throw new IllegalStateException("benchmark job was not indexed: " + job.seq());
        }
        double fw = (System.nanoTime() - w0) / 1e9;
        double ft = Cpu.thread() - t0;
        double fc = Cpu.children() + Cpu.thread() - c0;
        if (round > 0) {
          bareWall += bw;
          bareCpu += bc;
          fullWall += fw;
          fullCpu += fc;
          fullThread += ft;
          n++;
        }
      }
    }
    System.out.printf(Locale.ROOT, "%n## orchestration overhead (default ladder, veryfast, %d jobs)%n", n);
    System.out.printf(Locale.ROOT, "bare ffmpeg : %.3f CPU-s/job, %.3f s wall/job%n", bareCpu / n, bareWall / n);
    System.out.printf(Locale.ROOT, "full handler: %.3f CPU-s/job, %.3f s wall/job%n", fullCpu / n, fullWall / n);
    System.out.printf(Locale.ROOT, "  of which the handler thread (S3, DynamoDB, MP4 parsing): %.3f CPU-s/job%n", fullThread / n);
    System.out.printf(Locale.ROOT, "overhead    : %+.1f%% CPU, %+.1f%% wall (target <= 5%% CPU)%n",
        100 * (fullCpu / bareCpu - 1), 100 * (fullWall / bareWall - 1));
  }

  // 2. Ladder cost ------------------------------------------------------------------------------
  private static void ladder(TestClips.Spec spec, List<Path> chunks, List<String> presets, Path work) throws IOException {
    FfmpegRunner runner = new FfmpegRunner(Duration.ofMinutes(5), 16 * 1024);
    String ffmpeg = FfmpegLocator.binaries().ffmpeg().toString();
    double media = chunks.size() * (double) spec.gopSeconds();
    List<Rendition> rungs = Ladder.preset(Ladder.DEFAULT_PRESET).forSourceHeight(spec.height()).renditions()
        .stream().filter(r -> !r.isSource()).toList();
    double decode = cpu(runner, chunks, c -> List.of(ffmpeg, "-hide_banner", "-nostdin", "-loglevel", "error", "-i",
        c.toString(), "-map", "0:v:0", "-f", "null", "-")).cpu;
    System.out.printf(Locale.ROOT, "%n## ladder cost on %dp30 (%d kb/s source), %.0f media seconds per measurement%n",
        spec.height(), spec.videoKbps(), media);
    System.out.printf(Locale.ROOT, "decode only: %.3f CPU-s per media-s%n", decode / media);
    System.out.println("| preset | rung | CPU-s per media-s (rung alone, minus decode) |");
    System.out.println("|---|---|---|");
    List<String> full = new ArrayList<>();
    for (String preset : presets) {
      if (!inBudget()) {
        break;
      }
      EncoderSettings s = new EncoderSettings(preset, 180, EncoderSettings.DEFAULT.bframes());
      for (Rendition r : rungs) {
        double cpu = cpu(runner, chunks, c -> rungOnly(ffmpeg, c, r, s, work)).cpu;
        System.out.printf(Locale.ROOT, "| %s | %s | %.3f |%n", preset, r.name(), (cpu - decode) / media);
      }
      Measured m = cpu(runner, chunks, c -> {
        try {
          TranscodeJob job = TestJobs.forClip(spec, List.of(c), TestJobs.newStream(), TestJobs.newSession(), 0,
              Ladder.preset(Ladder.DEFAULT_PRESET)).get(0);
          return FfmpegCommand.build(FfmpegLocator.binaries().ffmpeg(), c,
              new OutputFiles(Files.createTempDirectory(work, "full")), TranscodePlan.of(job), s);
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      });
      full.add(String.format(Locale.ROOT, "| %s | %.3f | %.2f | %.2f |", preset, m.cpu / media, media / m.cpu,
          media / m.wall));
    }
    System.out.println();
    System.out.println("| preset | whole job CPU-s per media-s | real-time factor per vCPU | real-time factor (wall, 2 vCPU) |");
    System.out.println("|---|---|---|---|");
    full.forEach(System.out::println);
  }

  private static List<String> rungOnly(String ffmpeg, Path chunk, Rendition r, EncoderSettings s, Path work) {
    List<String> a = new ArrayList<>(List.of(ffmpeg, "-hide_banner", "-nostdin", "-loglevel", "error", "-copyts", "-i",
        chunk.toString(), "-filter_complex", "[0:v:0]scale=-2:" + r.height() + ",format=yuv420p[v]", "-map", "[v]",
        "-c:v", "libx264", "-threads", "1", "-preset", s.x264Preset(), "-profile:v", r.profile(), "-b:v", r.videoKbps() + "k",
        "-maxrate", r.maxKbps() + "k", "-bufsize", r.bufKbps() + "k", "-g", "100000", "-keyint_min", "100000",
        "-sc_threshold", "0", "-bf", "2", "-x264-params", "b-adapt=0:open-gop=0", "-f", "mp4", "-movflags",
        FfmpegCommand.MOVFLAGS, work.resolve("rung.mp4").toString(), "-y"));
    return a;
  }

  private record Measured(double cpu, double wall) {}

  private static Measured cpu(FfmpegRunner runner, List<Path> chunks, java.util.function.Function<Path, List<String>> argv) {
    double c0 = Cpu.children();
    long w0 = System.nanoTime();
    for (Path c : chunks) {
      runner.run(argv.apply(c));
    }
    return new Measured(Cpu.children() - c0, (System.nanoTime() - w0) / 1e9);
  }

  // 3. Enqueued -> indexed ----------------------------------------------------------------------
  private static void latency(LocalAws aws, List<Path> chunks, int count, Path work) throws Exception {
    LocalJobs.purge(aws);
    WorkerConfig config = withScratch(WorkerConfig.fromEnv(aws.env()), work.resolve("latency"));
    WorkerMetrics metrics = new WorkerMetrics(false, System.out);
    SqsWorker worker = new SqsWorker(aws.clients().sqs(), aws.queueUrl(), new JobProcessor(
        Components.handler(aws.clients(), aws.names(), FfmpegLocator.binaries(), config), metrics,
        config.maxReceiveCount()), config);
    worker.start();
    List<TranscodeJob> base = jobs(chunks, Ladder.preset(Ladder.DEFAULT_PRESET));
    for (int i = 0; i < chunks.size(); i++) {
      Path c = chunks.get(i);
      String key = base.get(i).chunkKey();
      aws.clients().s3().putObject(b -> b.bucket(aws.names().rawBucket()).key(key), RequestBody.fromFile(c));
    }
    long period = SOURCE_720P.gopSeconds() * 1000L;
    long t0 = System.currentTimeMillis();
    for (int i = 0; i < count && inBudget(); i++) {
      TranscodeJob b = base.get(i % base.size());
      TranscodeJob job = new TranscodeJob(b.version(), b.streamId(), b.sessionId(), i, b.chunkKey(), b.startMs(),
          b.durationMs(), i == 0, false, b.capturedAtMs(), b.targetDurationMs(), b.source(), b.ladder());
      long due = t0 + i * period;
      Thread.sleep(Math.max(0, due - System.currentTimeMillis()));
      aws.clients().sqs().sendMessage(r -> r.queueUrl(aws.queueUrl()).messageBody(TranscodeJobJson.write(job)));
    }
    LocalJobs.await(Duration.ofSeconds(60), () -> metrics.succeededCount() >= count);
    worker.stop(Duration.ofSeconds(10));
    System.out.printf(Locale.ROOT, "%n## chunk enqueued -> all renditions indexed (720p30, default ladder, veryfast,"
        + " %d jobs at one per %d s, concurrency 1)%n", metrics.succeededCount(), SOURCE_720P.gopSeconds());
    System.out.printf(Locale.ROOT, "p50 %.0f ms, p95 %.0f ms, max %.0f ms (target p95 <= %d ms)%n",
        metrics.latencyMs(0.5), metrics.latencyMs(0.95), metrics.latencyMs(1.0), period + 1000);
  }

  private static WorkerConfig withScratch(WorkerConfig c, Path scratch) {
    return new WorkerConfig(c.concurrency(), c.visibility(), c.retryDelay(), c.pollWait(), c.maxReceiveCount(),
        c.ffmpegTimeout(), c.x264Preset(), scratch, c.metricsHost(), 0, false, c.shutdownGrace());
  }

  private static boolean inBudget() {
    boolean ok = System.nanoTime() - START < BUDGET.toNanos();
    if (!ok) {
      System.out.println("(time budget of " + BUDGET + " reached: stopping early)");
    }
    return ok;
  }
}
