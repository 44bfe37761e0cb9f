package io.tributary.ingest.load;

import io.tributary.core.keys.StreamKeys;
import io.tributary.core.id.StreamId;
import io.tributary.core.resources.KeysTable;
import io.tributary.core.resources.StreamsTable;
import io.tributary.ingest.testing.FfTools;
import io.tributary.local.aws.LocalAws;
import io.tributary.local.aws.LocalAwsConfig;
import io.tributary.local.aws.LocalAwsServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The ingest load benchmark (figures in ingest-fargate/BENCHMARKS.md). Every process runs
 * separately so each one's CPU is read from /proc: the local AWS (S3Proxy + ElasticMQ in this JVM,
 * dynalite in node), ingest (IngestMain child JVM), the load tool (LoadMain child JVM) and, as the
 * baseline, nginx-rtmp with {@code hls on} fed by the same load tool in the same run.
 * <pre>
 * mvn -q -o -pl ingest-fargate test-compile exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=io.tributary.ingest.load.IngestLoadBenchmark -Dexec.args="50,100,200,300 100"
 * </pre>
 * args: publisher counts for ingest runs (bounded: at most 400), publisher count for the nginx
 * comparison (0 to skip). Each run is one real-time publish of the clip per stream.
 */
public final class IngestLoadBenchmark {
  /**
   * One real-time publish per stream ({@code -Dbench.clip.seconds}); the first {@link #WARM_MS} after
   * all are publishing are the JVM's warm-up.
   */
  private static final int CLIP_SECONDS = Integer.getInteger("bench.clip.seconds", 90);
  /**
   * Long enough for C2 to compile the hot paths (its threads cost ~8 % of a core at 100 streams before that;
   * {@code -Dbench.warm.seconds}).
   */
  private static final long WARM_MS = Integer.getInteger("bench.warm.seconds", 40) * 1000L;
  private static final int RAMP_MS = 20;
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private IngestLoadBenchmark() {}

  record Row(String server, int streams, int published, double serverCpuPct, double coldCpuPct, double loadCpuPct, double awsJvmCpuPct,
             double dynaliteCpuPct, long maxLagMs, long lateMessages, int closedEarly, long p95Ms, long p50Ms,
             double heapPerConnKiB, double heapBeyondBufferKiB, String note) {}

  public static void main(String[] args) throws Exception {
    if (CLIP_SECONDS < 30 || CLIP_SECONDS > 600 || WARM_MS < 0 || WARM_MS > (CLIP_SECONDS - 15) * 1000L) {
      throw new IllegalArgumentException("bench.clip.seconds must be in 30..600 and bench.warm.seconds in 0..clip-15, got "
          + CLIP_SECONDS + " / " + WARM_MS / 1000);
    }
    List<Integer> counts = new ArrayList<>();
    for (String s : (args.length > 0 ? args[0] : "50,100,200,300").split(",")) {
      int n = Integer.parseInt(s.strip());
      if (n < 1 || n > 400) {
        throw new IllegalArgumentException("publisher counts are bounded to 1..400, got " + n);
      }
      counts.add(n);
    }
    int nginxStreams = args.length > 1 ? Integer.parseInt(args[1]) : 100;
    Path work = Path.of("target", "bench").toAbsolutePath();
    Files.createDirectories(work);
    Path clip = clip(work);
    byte[] flv = Files.readAllBytes(clip);
    FlvPlan plan = FlvPlan.of(flv, RtmpClient.CHUNK_SIZE);
    System.out.printf(Locale.ROOT, "clip %s: %.2f Mbit/s on the wire, %d ms%n", clip, plan.bitsPerSecond() / 1e6,
        plan.durationMs());
    List<Row> rows = new ArrayList<>();
    Path data = Files.createTempDirectory(work, "aws-");
    try (LocalAwsServer server = LocalAwsServer.start(LocalAwsConfig.forTests(data))) {
      LocalAws aws = server.aws();
      if (nginxStreams > 0) {
        measured(rows, work, () -> nginx(work, clip, nginxStreams), "nginx-rtmp (hls on)", nginxStreams);
      }
      cleanUp(data, work);
      String baseline = System.getProperty("bench.baseline", "");
      for (int n : counts) {
        if (!baseline.isBlank()) {
          // The previous ingest build (its classes first on the classpath) in the same run: a ratio, not a memory.
          measured(rows, work, () -> ingest(aws, work, clip, n, baseline, "ingest (baseline)"), "ingest (baseline)", n);
          cleanUp(data, work);
        }
        measured(rows, work, () -> ingest(aws, work, clip, n, "", "tributary ingest"), "tributary ingest", n);
        cleanUp(data, work);
      }
    } finally {
      deleteTree(data);
    }
    System.out.println(table(rows));
  }

  /**
   * Deletes the chunks a row stored (S3Proxy keeps objects as files: 300 streams for 90 s are
   * about 10 GB) and what the row spilled, so rows do not add up on a shared disk.
   */
  static void cleanUp(Path data, Path work) throws IOException {
    try (var files = Files.walk(data)) {
      for (Path f : files.filter(f -> Files.isRegularFile(f) && f.toString().contains("/chunks/")).toList()) {
        Files.deleteIfExists(f);
      }
    }
    try (var dirs = Files.list(work)) {
      for (Path d : dirs.filter(d -> d.getFileName().toString().startsWith("spill-")).toList()) {
        deleteTree(d);
      }
    }
  }

  static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (var all = Files.walk(root)) {
      for (Path f : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(f);
      }
    }
  }

  interface Run {
    Row run() throws Exception;
  }

  /** Runs one measurement; a failed run becomes a row saying why, and the table is rewritten after each run. */
  static void measured(List<Row> rows, Path work, Run run, String server, int n) throws IOException {
    try {
      rows.add(run.run());
    } catch (Exception e) {
      rows.add(new Row(server, n, 0, 0, 0, 0, 0, 0, 0, 0, 0, -1, -1, -1, -1, "failed: " + e));
    }
    Files.writeString(work.resolve("results.md"), table(rows));
    System.out.println(table(rows));
  }

  static String table(List<Row> rows) {
    StringBuilder md = new StringBuilder();
    md.append("| server | publishers | held | server CPU % of a core | per stream % | per stream % in the first " + WARM_MS / 1000 + " s | load tool CPU % | local AWS JVM % | dynalite % | max lag ms | late msgs | chunk→job p50/p95 ms | heap/conn KiB | beyond chunk buffers KiB |\n");
    md.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
    for (Row r : rows) {
      boolean held = r.published() == r.streams() && r.closedEarly() == 0 && r.lateMessages() == 0 && r.maxLagMs() < 1000;
      md.append(String.format(Locale.ROOT, "| %s | %d | %s | %.1f | %.3f | %.3f | %.1f | %.1f | %.1f | %d | %d | %s | %s | %s |%n",
          r.server(), r.streams(), held ? "yes" : "NO (" + r.published() + " published, " + r.closedEarly() + " closed, "
              + r.lateMessages() + " late)" + (r.note().isEmpty() ? "" : " " + r.note()),
          r.serverCpuPct(), r.serverCpuPct() / r.streams(), r.coldCpuPct() / r.streams(), r.loadCpuPct(), r.awsJvmCpuPct(), r.dynaliteCpuPct(),
          r.maxLagMs(), r.lateMessages(), r.p95Ms() < 0 ? "-" : r.p50Ms() + "/" + r.p95Ms(),
          r.heapPerConnKiB() < 0 ? "-" : String.format(Locale.ROOT, "%.0f", r.heapPerConnKiB()),
          r.heapBeyondBufferKiB() < 0 ? "-" : String.format(Locale.ROOT, "%.0f", r.heapBeyondBufferKiB())));
    }
    return md.toString();
  }

  /** 720p30 H.264 (B-frames, 2 s GOP) at a constant 3 Mbit/s + AAC 128k: an OBS-like stream, encoded once. */
  static Path clip(Path work) throws IOException {
    Path clip = work.resolve("720p30-3mbps-" + CLIP_SECONDS + "s.flv");
    if (Files.exists(clip)) {
      return clip;
    }
    FfTools.Result r = FfTools.ffmpeg(900, "-v", "error", "-f", "lavfi", "-i", "testsrc2=size=1280x720:rate=30",
        "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000", "-t", Integer.toString(CLIP_SECONDS),
        "-c:v", "libx264", "-preset", "veryfast", "-bf", "2", "-g", "60", "-keyint_min", "60", "-sc_threshold", "0",
        "-b:v", "3000k", "-minrate", "3000k", "-maxrate", "3000k", "-bufsize", "3000k", "-x264-params", "nal-hrd=cbr",
        "-pix_fmt", "yuv420p", "-c:a", "aac", "-b:a", "128k", "-f", "flv", "-y", clip.toString());
    if (r.exit() != 0) {
      throw new IllegalStateException("benchmark clip: " + r.stderr());
    }
    return clip;
  }

  static Row ingest(LocalAws aws, Path work, Path clip, int n, String classesFirst, String label) throws Exception {
    String tag = (classesFirst.isBlank() ? "" : "base-") + n;
    Path keys = work.resolve("keys-" + n + ".txt");
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      lines.add(createStream(aws));
    }
    Files.write(keys, lines);
    Map<String, String> env = new HashMap<>(aws.env());
    env.put("TRIBUTARY_INGEST_HOST", "127.0.0.1");
    env.put("TRIBUTARY_INGEST_PORT", "0");
    int httpPort;
    try (java.net.ServerSocket free = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      httpPort = free.getLocalPort();
    }
    env.put("TRIBUTARY_INGEST_HTTP_PORT", Integer.toString(httpPort));
    env.put("TRIBUTARY_INGEST_SPILL_DIR", work.resolve("spill-" + tag).toString());
    env.put("TRIBUTARY_EMF", "false");
    // Every simulated publisher comes from 127.0.0.1: lift the per-IP cap (default 50) for the run.
    env.put("TRIBUTARY_INGEST_MAX_CONNECTIONS_PER_IP", "1000");
    if (classesFirst.isBlank()) {
      // -Dbench.env=K=V,K2=V2: settings for this build's rows only (a setting against the baseline in one run).
      for (String kv : System.getProperty("bench.env", "").split(",")) {
        if (kv.contains("=")) {
          env.put(kv.substring(0, kv.indexOf('=')).strip(), kv.substring(kv.indexOf('=') + 1).strip());
        }
      }
    }
    List<String> jvm = new ArrayList<>(List.of("-Xmx3g", "-Dlogback.configurationFile=logback.xml"));
    if (Boolean.getBoolean("bench.jfr")) {
      // Profile the ingest JVM: jfr print --events jdk.ExecutionSample target/bench/ingest-N.jfr
      jvm.add("-XX:StartFlightRecording=filename=" + work.resolve("ingest-" + tag + ".jfr")
          + ",settings=" + System.getProperty("bench.jfr.settings", "profile"));
    }
    jvm.add("io.tributary.ingest.server.IngestMain");
    Process ingest = javaWith(classesFirst, env, work.resolve("ingest-" + tag + ".log"), jvm.toArray(String[]::new));
    try {
      String url = awaitReady(ingest).replace("ready: ingest ", "") + "/live";
      String metricsUrl = "http://127.0.0.1:" + httpPort + "/metrics";
      double heap0 = heapUsedKiB(ingest.pid());
      histogram(ingest.pid(), work.resolve("histo-" + tag + "-0.txt"));
      Process load = java(Map.of(), work.resolve("load-ingest-" + n + ".log"), "-Xmx512m",
          "io.tributary.ingest.load.LoadMain", "--url", url, "--keys", keys.toString(), "--file", clip.toString(),
          "--streams", Integer.toString(n), "--ramp-ms", Integer.toString(RAMP_MS), "--max-seconds",
          Integer.toString(CLIP_SECONDS + 30));
      long deadline = System.currentTimeMillis() + 60_000;
      while (gauge(metricsUrl, "tributary_ingest_publishers") < n && System.currentTimeMillis() < deadline
          && load.isAlive()) {
        Thread.sleep(200);
      }
      Thread.sleep(2000);
      Window.Result[] cpu = windows(List.of(ingest.pid()), load.pid(), deadline - 60_000);
      // Chunk memory right now: the chunks being filled, closed ones waiting for upload, and the
      // free blocks kept for the next chunks (shared by all connections, sized by the peak in use).
      // A stream fills its chunk at ~375 KB/s: read the gauges just before and just after the heap
      // figure and take the mean, so the subtraction is not skewed by what arrived in between.
      // Latencies first: the heap figures below stop the JVM for full GCs (seconds with -Dbench.histo),
      // and chunks closing meanwhile would charge the benchmark's own pauses to chunk close -> job.
      String metrics = get(metricsUrl);
      double before = chunkMemoryKiB(metricsUrl);
      double heapN = heapUsedKiB(ingest.pid());
      double buffers = (before + chunkMemoryKiB(metricsUrl)) / 2;
      histogram(ingest.pid(), work.resolve("histo-" + tag + "-" + n + ".txt"));
      LoadMain.Result r = awaitLoad(load);
      double perConn = (heapN - heap0) / n;
      return new Row(label, n, r.published(), cpu[1].serverPct(), cpu[0].serverPct(), cpu[1].loadPct(),
          cpu[1].selfPct(), cpu[1].dynalitePct(), r.maxLagMs(), r.lateMessages(), r.closedEarly(),
          (long) metric(metrics, "tributary_ingest_chunk_to_job_ms{quantile=\"0.95\"}"),
          (long) metric(metrics, "tributary_ingest_chunk_to_job_ms{quantile=\"0.5\"}"), perConn,
          perConn - buffers / n, "");
    } finally {
      ingest.destroy();
      ingest.waitFor(30, TimeUnit.SECONDS);
      ingest.destroyForcibly();
    }
  }

  static Row nginx(Path work, Path clip, int n) throws Exception {
    Path prefix = work.resolve("nginx");
    Files.createDirectories(prefix.resolve("logs"));
    Files.createDirectories(prefix.resolve("hls"));
    Path module = Path.of("/usr/lib/nginx/modules/ngx_rtmp_module.so");
    if (!Files.exists(module) || !Files.isExecutable(Path.of("/usr/sbin/nginx"))) {
      System.out.println("nginx-rtmp not installed (apt-get install -y libnginx-mod-rtmp nginx): comparison skipped");
      return new Row("nginx-rtmp (hls on)", n, 0, 0, 0, 0, 0, 0, 0, 0, 0, -1, -1, -1, -1, "not installed");
    }
    int port = 19350;
    Files.writeString(prefix.resolve("nginx.conf"), """
        load_module %s;
        daemon off;
        worker_processes 1;
        error_log %s/logs/error.log warn;
        pid %s/logs/nginx.pid;
        events { worker_connections 2048; }
        rtmp {
          server {
            listen 127.0.0.1:%d;
            chunk_size 4096;
            application live {
              live on;
              record off;
              hls on;
              hls_path %s/hls;
              hls_fragment 2s;
              hls_playlist_length 10s;
            }
          }
        }
        """.formatted(module, prefix, prefix, port, prefix));
    Process nginx = new ProcessBuilder("/usr/sbin/nginx", "-p", prefix.toString(), "-c", prefix.resolve("nginx.conf").toString())
        .redirectErrorStream(true).redirectOutput(prefix.resolve("logs/stdout.log").toFile()).start();
    try {
      Thread.sleep(1000);
      List<Long> pids = new ArrayList<>();
      pids.add(nginx.pid());
      nginx.descendants().forEach(p -> pids.add(p.pid()));
      Process load = java(Map.of(), work.resolve("load-nginx-" + n + ".log"), "-Xmx512m",
          "io.tributary.ingest.load.LoadMain", "--url", "rtmp://127.0.0.1:" + port + "/live", "--key", "bench",
          "--file", clip.toString(), "--streams", Integer.toString(n), "--ramp-ms", Integer.toString(RAMP_MS),
          "--max-seconds", Integer.toString(CLIP_SECONDS + 30));
      long t0 = System.currentTimeMillis();
      Thread.sleep(n * RAMP_MS + 3000L);
      Window.Result[] cpu = windows(pids, load.pid(), t0);
      LoadMain.Result r = awaitLoad(load);
      return new Row("nginx-rtmp (hls on)", n, r.published(), cpu[1].serverPct(), cpu[0].serverPct(), cpu[1].loadPct(),
          0, 0, r.maxLagMs(),
          r.lateMessages(), r.closedEarly(), -1, -1, -1, -1, "");
    } finally {
      nginx.destroy();
      nginx.waitFor(10, TimeUnit.SECONDS);
      nginx.destroyForcibly();
    }
  }

  /**
   * CPU over two windows while every stream publishes: the warm-up ({@link #WARM_MS}, JIT compiling)
   * and the steady state after it until 5 s before the clip ends (the figure a long-running task sees).
   */
  static Window.Result[] windows(List<Long> serverPids, long loadPid, long loadStartedMs) throws InterruptedException {
    Window cold = Window.start(serverPids, loadPid);
    Thread.sleep(WARM_MS);
    Window.Result first = cold.end();
    Window warm = Window.start(serverPids, loadPid);
    Thread.sleep(Math.max(5000, CLIP_SECONDS * 1000L - (System.currentTimeMillis() - loadStartedMs) - 5000));
    return new Window.Result[] {first, warm.end()};
  }

  /** CPU of the server process(es), the load tool, this JVM (S3Proxy + ElasticMQ) and dynalite over a window. */
  record Window(List<Long> serverPids, long loadPid, List<Long> dynalitePids, double[] start, long t0) {
    record Result(double serverPct, double loadPct, double selfPct, double dynalitePct) {}

    static Window start(List<Long> serverPids, long loadPid) {
      List<Long> dyn = ProcessHandle.current().descendants()
          .filter(p -> p.info().command().map(c -> c.contains("node")).orElse(false)).map(ProcessHandle::pid).toList();
      Window w = new Window(serverPids, loadPid, dyn, new double[4], System.nanoTime());
      w.sample(w.start);
      return w;
    }

    void sample(double[] into) {
      into[0] = serverPids.stream().mapToDouble(ProcCpu::seconds).filter(v -> v >= 0).sum();
      into[1] = ProcCpu.seconds(loadPid);
      into[2] = ProcCpu.seconds(ProcessHandle.current().pid());
      into[3] = dynalitePids.stream().mapToDouble(ProcCpu::seconds).filter(v -> v >= 0).sum();
    }

    Result end() {
      double[] e = new double[4];
      sample(e);
      double secs = (System.nanoTime() - t0) / 1e9;
      return new Result(100 * (e[0] - start[0]) / secs, 100 * (e[1] - start[1]) / secs,
          100 * (e[2] - start[2]) / secs, 100 * (e[3] - start[3]) / secs);
    }
  }

  static String createStream(LocalAws aws) {
    StreamId id = StreamId.random();
    String key = StreamKeys.generate();
    long now = System.currentTimeMillis();
    aws.clients().dynamo().putItem(b -> b.tableName(aws.names().streamsTable()).item(Map.of(
        StreamsTable.STREAM_ID, AttributeValue.fromS(id.value()),
        StreamsTable.SEGMENT_DURATION_MS, AttributeValue.fromN("2000"),
        StreamsTable.LADDER, AttributeValue.fromS("default"),
        StreamsTable.CREATED_AT, AttributeValue.fromN(Long.toString(now)))));
    aws.clients().dynamo().putItem(b -> b.tableName(aws.names().keysTable()).item(Map.of(
        KeysTable.KEY_HASH, AttributeValue.fromS(StreamKeys.hash(key)),
        KeysTable.STREAM_ID, AttributeValue.fromS(id.value()),
        KeysTable.KEY_ID, AttributeValue.fromS("key_bench"),
        KeysTable.CREATED_AT, AttributeValue.fromN(Long.toString(now)))));
    return key;
  }

  static Process java(Map<String, String> env, Path log, String... args) throws IOException {
    return javaWith("", env, log, args);
  }

  /** A child JVM on the project's classpath, with {@code classesFirst} (a path list) ahead of it when not blank. */
  static Process javaWith(String classesFirst, Map<String, String> env, Path log, String... args) throws IOException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-cp");
    cmd.add(classesFirst.isBlank() ? classpath() : classesFirst + java.io.File.pathSeparator + classpath());
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd);
    pb.environment().putAll(env);
    pb.redirectError(log.toFile());
    pb.redirectOutput(ProcessBuilder.Redirect.PIPE);
    return pb.start();
  }

  /** The project's test classpath: exec:java runs us in a URLClassLoader, a plain java launch in java.class.path. */
  static String classpath() {
    if (Thread.currentThread().getContextClassLoader() instanceof java.net.URLClassLoader u) {
      List<String> parts = new ArrayList<>();
      for (java.net.URL url : u.getURLs()) {
        try {
          parts.add(Path.of(url.toURI()).toString());
        } catch (java.net.URISyntaxException e) {
          throw new IllegalStateException(e);
        }
      }
      return String.join(java.io.File.pathSeparator, parts);
    }
    return System.getProperty("java.class.path");
  }

  static String awaitReady(Process p) throws Exception {
    BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    String line = CompletableFuture.supplyAsync(() -> {
      try {
        for (String l; (l = out.readLine()) != null; ) {
          if (l.startsWith("ready: ")) {
            return l;
          }
        }
        return null;
      } catch (IOException e) {
        return null;
      }
    }).get(90, TimeUnit.SECONDS);
    if (line == null) {
      throw new IllegalStateException("ingest did not start");
    }
    return line;
  }

  static LoadMain.Result awaitLoad(Process load) throws Exception {
    CompletableFuture<String> read = CompletableFuture.supplyAsync(() -> {
      try {
        return new String(load.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        return "";
      }
    });
    if (!load.waitFor(150, TimeUnit.SECONDS)) {
      load.destroyForcibly();
    }
    String out = read.get(10, TimeUnit.SECONDS);
    Matcher m = Pattern.compile("streams=(\\d+) published=(\\d+) refused=(\\d+) closedEarly=(\\d+) sentMB=([\\d.]+) "
        + "maxLagMs=(\\d+) lateMessages=(\\d+) seconds=([\\d.]+) loadCpuSeconds=([\\d.]+) fileMbps=([\\d.]+)").matcher(out);
    if (!m.find()) {
      throw new IllegalStateException("load tool output: " + out);
    }
    return new LoadMain.Result(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)),
        (long) (Double.parseDouble(m.group(5)) * 1e6), Long.parseLong(m.group(6)), Long.parseLong(m.group(7)),
        Integer.parseInt(m.group(4)), Double.parseDouble(m.group(8)), Double.parseDouble(m.group(9)),
        Double.parseDouble(m.group(10)));
  }

  static double chunkMemoryKiB(String metricsUrl) {
    return (gauge(metricsUrl, "tributary_ingest_chunk_buffer_bytes")
        + gauge(metricsUrl, "tributary_ingest_buffer_memory_bytes")
        + Math.max(0, gauge(metricsUrl, "tributary_ingest_chunk_pool_free_bytes"))) / 1024.0;
  }

  /**
   * Live heap, KiB: the total of {@code jcmd GC.class_histogram}, which counts the objects that
   * survive a full GC in the same pause. (GC.run followed by GC.heap_info, used before, also
   * counted what the process allocated in the second between the two jcmd calls: at 300 streams
   * about 100 MB of message and request garbage, ~400 KiB per connection that was not held.)
   */
  static double heapUsedKiB(long pid) throws Exception {
    String histo = run("jcmd", Long.toString(pid), "GC.class_histogram");
    Matcher m = Pattern.compile("(?m)^Total\\s+\\d+\\s+(\\d+)").matcher(histo);
    return m.find() ? Double.parseDouble(m.group(1)) / 1024.0 : -1;
  }

  /** With -Dbench.histo=true: the live-object histogram (after a full GC) for the per-connection heap breakdown. */
  static void histogram(long pid, Path to) throws Exception {
    if (Boolean.getBoolean("bench.histo")) {
      Files.writeString(to, run("jcmd", Long.toString(pid), "GC.class_histogram"));
    }
  }

  static String run(String... cmd) throws Exception {
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor(30, TimeUnit.SECONDS);
    return out;
  }

  static String get(String url) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString()).body();
  }

  static double gauge(String url, String name) {
    try {
      return metric(get(url), name);
    } catch (Exception e) {
      return -1;
    }
  }

  static double metric(String text, String name) {
    for (String line : text.split("\n")) {
      if (line.startsWith(name + " ")) {
        return Double.parseDouble(line.substring(name.length() + 1).strip());
      }
    }
    return -1;
  }
}
