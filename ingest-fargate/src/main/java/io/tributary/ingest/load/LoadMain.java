package io.tributary.ingest.load;

import java.io.IOException;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The load tool: publishes N real-time streams of one FLV file over RTMP with {@link RtmpClient}
 * (handshake and publish flow) and a single-threaded {@link Pacer} (media), bounded in count and
 * time. Prints one progress line per second-ish and a final summary line:
 * <pre>
 * java -cp ... io.tributary.ingest.load.LoadMain --url rtmp://127.0.0.1:1935/live --keys keys.txt \
 *     --file clip.flv --streams 100 [--ramp-ms 20] [--max-seconds 120]
 * </pre>
 * {@code keys.txt} holds one stream key per line (stream i uses line i); with {@code --key K}
 * every stream publishes to {@code K-i} (for servers that accept any name, like nginx-rtmp).
 */
public final class LoadMain {
  private LoadMain() {}

  public static void main(String[] args) throws Exception {
    String url = null;
    Path keysFile = null;
    String keyPrefix = null;
    Path file = null;
    int streams = 1;
    int rampMs = 20;
    int maxSeconds = 300;
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--url" -> url = args[i + 1];
        case "--keys" -> keysFile = Path.of(args[i + 1]);
        case "--key" -> keyPrefix = args[i + 1];
        case "--file" -> file = Path.of(args[i + 1]);
        case "--streams" -> streams = Integer.parseInt(args[i + 1]);
        case "--ramp-ms" -> rampMs = Integer.parseInt(args[i + 1]);
        case "--max-seconds" -> maxSeconds = Integer.parseInt(args[i + 1]);
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    if (url == null || file == null || (keysFile == null && keyPrefix == null)) {
      System.err.println("usage: LoadMain --url rtmp://host:port/app --file clip.flv (--keys keys.txt | --key prefix)"
          + " --streams N [--ramp-ms 20] [--max-seconds 300]");
      System.exit(2);
    }
    if (streams < 1 || streams > 2000 || maxSeconds < 1 || maxSeconds > 3600) {
      throw new IllegalArgumentException("streams must be 1..2000 and max-seconds 1..3600");
    }
    List<String> keys = new ArrayList<>();
    if (keysFile != null) {
      keys.addAll(Files.readAllLines(keysFile).stream().map(String::strip).filter(s -> !s.isEmpty()).toList());
      if (keys.size() < streams) {
        throw new IllegalArgumentException(keysFile + " has " + keys.size() + " keys for " + streams + " streams");
      }
    } else {
      for (int i = 0; i < streams; i++) {
        keys.add(keyPrefix + "-" + i);
      }
    }
    Result r = run(url, keys.subList(0, streams), Files.readAllBytes(file), rampMs, Duration.ofSeconds(maxSeconds));
    System.out.println(r.summary());
  }

  /** What a run achieved. */
  public record Result(int streams, int published, int refused, long bytesSent, long maxLagMs, long lateMessages,
                       int closedEarly, double seconds, double cpuSeconds, double fileMbps) {
    public String summary() {
      return String.format(Locale.ROOT, "load: streams=%d published=%d refused=%d closedEarly=%d sentMB=%.1f "
          + "maxLagMs=%d lateMessages=%d seconds=%.1f loadCpuSeconds=%.2f fileMbps=%.2f", streams, published,
          refused, closedEarly, bytesSent / 1e6, maxLagMs, lateMessages, seconds, cpuSeconds, fileMbps);
    }
  }

  /** FCUnpublish + deleteStream(1), serialised once. */
  private static byte[] unpublishBytes() {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    for (List<Object> cmd : List.<List<Object>>of(java.util.Arrays.asList("FCUnpublish", 0.0, null, "x"),
        java.util.Arrays.asList("deleteStream", 0.0, null, (double) FlvPlan.STREAM_ID))) {
      io.netty.buffer.ByteBuf b = io.netty.buffer.Unpooled.buffer();
      io.tributary.ingest.amf0.Amf0Writer.writeAll(b, cmd);
      RtmpWire.write(out, RtmpWire.CSID_COMMAND, 20, 0, 0, io.netty.buffer.ByteBufUtil.getBytes(b), RtmpClient.CHUNK_SIZE);
      b.release();
    }
    return out.toByteArray();
  }

  public static Result run(String url, List<String> keys, byte[] flv, int rampMs, Duration max) throws Exception {
    java.net.URI u = java.net.URI.create(url);
    String app = u.getPath().replaceAll("^/+", "").replaceAll("/+$", "");
    int port = u.getPort() < 0 ? 1935 : u.getPort();
    FlvPlan plan = FlvPlan.of(flv, RtmpClient.CHUNK_SIZE);
    long t0 = System.nanoTime();
    double cpu0 = ProcCpu.seconds(ProcessHandle.current().pid());
    Pacer pacer = new Pacer(plan);
    long deadline = t0 + max.toNanos();
    List<RtmpClient> clients = java.util.Collections.synchronizedList(new ArrayList<>());
    java.util.concurrent.atomic.AtomicInteger refused = new java.util.concurrent.atomic.AtomicInteger();
    // Publish flows run on a few setup threads, one start every rampMs, while the pacer thread
    // keeps the streams already publishing in real time.
    java.util.concurrent.ScheduledExecutorService setup = java.util.concurrent.Executors.newScheduledThreadPool(4);
    java.util.concurrent.CountDownLatch started = new java.util.concurrent.CountDownLatch(keys.size());
    for (int i = 0; i < keys.size(); i++) {
      String key = keys.get(i);
      setup.schedule(() -> {
        try {
          RtmpClient c = RtmpClient.open(u.getHost(), port, Duration.ofSeconds(10));
          c.setChunkSize(RtmpClient.CHUNK_SIZE);
          c.connect(app, "rtmp://" + u.getHost() + ":" + port + "/" + app);
          int sid = c.createStream(key);
          if (sid != FlvPlan.STREAM_ID) {
            throw new IOException("server gave message stream " + sid + ", the plan is serialised for " + FlvPlan.STREAM_ID);
          }
          String code = c.publish(sid, key);
          if (!"NetStream.Publish.Start".equals(code)) {
            refused.incrementAndGet();
            c.close();
            return;
          }
          SocketChannel ch = c.socket().getChannel();
          ch.configureBlocking(false);
          clients.add(c);
          pacer.add(new Pacer.Stream(ch, System.nanoTime()));
          if (clients.size() % 50 == 0) {
            System.err.printf(Locale.ROOT, "load: %d/%d publishing%n", clients.size(), keys.size());
          }
        } catch (IOException | RuntimeException e) {
          refused.incrementAndGet();
        } finally {
          started.countDown();
        }
      }, (long) i * rampMs, java.util.concurrent.TimeUnit.MILLISECONDS);
    }
    Thread setupWatcher = new Thread(() -> {
      try {
        started.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      pacer.setupDone();
    });
    setupWatcher.setDaemon(true);
    setupWatcher.start();
    pacer.run(deadline);
    setup.shutdownNow();
    for (RtmpClient c : clients) {
      // Best effort and never blocking: a server that stopped reading must not hang the tool.
      try {
        c.socket().getChannel().write(java.nio.ByteBuffer.wrap(unpublishBytes()));
      } catch (IOException | RuntimeException e) {
        // Already closed by the server: counted in closedEarly.
      }
      c.close();
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    double cpu = ProcCpu.seconds(ProcessHandle.current().pid()) - cpu0;
    return new Result(keys.size(), clients.size(), refused.get(), pacer.bytesSent, pacer.maxLagMs, pacer.lateMessages,
        pacer.closed, seconds, cpu, plan.bitsPerSecond() / 1e6);
  }
}
