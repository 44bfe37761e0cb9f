package io.tributary.ingest.chunk.bench;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.embedded.EmbeddedChannel;
import io.tributary.ingest.chunk.ChunkDecoder;
import io.tributary.ingest.chunk.RtmpLimits;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.Blackhole;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;

/**
 * Chunk-stream decoding throughput on one thread, 4 s of a 3 Mbit/s publish per operation, fed
 * as direct buffers of {@code readSize} like socket reads. Baseline in the same run: {@link #copyBaseline}
 * copies the same buffers into a byte[] (the one copy decoding must make anyway), and
 * chunkSize=128 shows the cost of small chunks. Throughput = ops/s x stream bytes (printed at
 * setup); each iteration also prints bytes per thread-CPU-second, the per-core figure that
 * holds when other processes share the cores. See BENCHMARKS.md.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = {"-Dio.netty.leakDetection.level=disabled", "-Xmx1g"})
public class ChunkDecodeBenchmark {
  @Param({"4096", "128"})
  int chunkSize;

  /** Bytes per socket read: 64 KiB when the decoder lags, one TCP segment when it keeps up. */
  @Param({"65536", "1448"})
  int readSize;

  private ByteBuf[] reads;
  private int messages;
  private int bytes;
  private byte[] sink;
  private EmbeddedChannel channel;
  /** Thread CPU time and bytes of measured operations: GB/s per core, robust when other processes load the machine. */
  private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
  private long cpuNanos;
  private long cpuBytes;
  private long wallStart;
  private long measuredBytes;
  private long measuredNanos;

  @Setup(Level.Trial)
  public void setUp() {
    MediaStream stream = MediaStream.of(4, chunkSize, 1);
    bytes = stream.bytes().length;
    messages = stream.messages();
    reads = new ByteBuf[(bytes + readSize - 1) / readSize];
    for (int i = 0; i < reads.length; i++) {
      int n = Math.min(readSize, bytes - i * readSize);
      reads[i] = Unpooled.directBuffer(n).writeBytes(stream.bytes(), i * readSize, n);
    }
    sink = new byte[bytes];
    System.out.printf("%nstream: %d bytes, %d messages, chunk size %d%n", bytes, messages, chunkSize);
    int decoded = decode(new Blackhole("Today's password is swordfish. I understand instantiating Blackholes directly is dangerous."));
    if (decoded != messages) {
      throw new IllegalStateException("decoded " + decoded + " of " + messages + " messages");
    }
  }

  @Setup(Level.Iteration)
  public void startIteration() {
    cpuNanos = 0;
    cpuBytes = 0;
    wallStart = System.nanoTime();
  }

  @TearDown(Level.Iteration)
  public void reportIteration(IterationParams iteration) {
    long wall = System.nanoTime() - wallStart;
    System.out.printf(" [cpu: %.2f GB/s per core, %.0f%% of wall]", (double) cpuBytes / cpuNanos, 100.0 * cpuNanos / wall);
    if (iteration.getType() == IterationType.MEASUREMENT) {
      measuredBytes += cpuBytes;
      measuredNanos += cpuNanos;
    }
  }

  @TearDown(Level.Trial)
  public void tearDown(BenchmarkParams benchmark) {
    String name = benchmark.getBenchmark().substring(benchmark.getBenchmark().lastIndexOf('.') + 1);
    System.out.printf("%nCPU-SUMMARY %s chunkSize=%s readSize=%s: %.2f GB/s per core (thread CPU time)%n",
        name, chunkSize, readSize, (double) measuredBytes / measuredNanos);
    for (ByteBuf b : reads) {
      b.release();
    }
  }

  /**
   * A new connection per operation (the decoder starts at chunk size 128 and reads the Set Chunk
   * Size). Reads go in through {@code pipeline().fireChannelRead} as the event loop delivers them,
   * and a terminal handler consumes the messages.
   */
  @Benchmark
  public int decode(Blackhole bh) {
    long cpu = threads.getCurrentThreadCpuTime();
    int[] count = {0};
    channel = new EmbeddedChannel(new ChunkDecoder(RtmpLimits.defaults()), new ChannelInboundHandlerAdapter() {
      @Override
      public void channelRead(ChannelHandlerContext ctx, Object msg) {
        count[0]++;
        bh.consume(msg);
      }
    });
    ChannelPipeline pipeline = channel.pipeline();
    for (ByteBuf read : reads) {
      pipeline.fireChannelRead(read.retainedDuplicate());
      pipeline.fireChannelReadComplete();
    }
    channel.finish();
    cpuNanos += threads.getCurrentThreadCpuTime() - cpu;
    cpuBytes += bytes;
    return count[0];
  }

  @Benchmark
  public byte[] copyBaseline() {
    long cpu = threads.getCurrentThreadCpuTime();
    int at = 0;
    for (ByteBuf read : reads) {
      int n = read.readableBytes();
      read.getBytes(read.readerIndex(), sink, at, n);
      at += n;
    }
    cpuNanos += threads.getCurrentThreadCpuTime() - cpu;
    cpuBytes += bytes;
    return sink;
  }
}
