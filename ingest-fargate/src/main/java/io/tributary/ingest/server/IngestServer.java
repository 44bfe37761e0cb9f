package io.tributary.ingest.server;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.timeout.IdleStateHandler;
import io.tributary.ingest.chunk.RtmpPipeline;
import io.tributary.ingest.sink.Uploader;
import io.tributary.ingest.streams.HealthHistory;
import io.tributary.ingest.streams.StreamRepository;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The RTMP server: Netty NIO event loops (one per core) for the protocol and media path; a
 * separate pool for DynamoDB calls; the shared {@link Uploader} for S3/SQS. Pipeline per
 * connection: [TLS] → connection caps → idle timeout → handshake → chunk codec → session.
 */
public final class IngestServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(IngestServer.class);

  private final IngestConfig config;
  private final IngestMetrics metrics = new IngestMetrics();
  private final Uploader uploader;
  private final LiveRegistry registry;
  private final ConnectionGate gate;
  private final IngestServices services;
  /**
   * Native epoll where it loads (Linux: Fargate, the local run), else NIO. Publishers send one
   * small message at a time, so per-read overhead is most of the event loops' cost: epoll reads
   * straight into pooled buffers, edge-triggered, without the NIO selector's key sets.
   */
  private static final boolean EPOLL = Epoll.isAvailable();
  private final EventLoopGroup boss = new MultiThreadIoEventLoopGroup(1, ioHandler());
  private final EventLoopGroup workers;
  private final ExecutorService blocking;
  private final ScheduledExecutorService timers;
  private final HealthHistory history;
  private final List<Channel> listeners = new ArrayList<>();
  private volatile boolean draining;

  public IngestServer(IngestConfig config, StreamRepository repo, Uploader uploader, TaskProtection protection) {
    this.config = config;
    this.uploader = uploader;
    this.workers = new MultiThreadIoEventLoopGroup(config.ioThreads(), CoalescingIoHandler.wrap(ioHandler(), config.ioCoalesce()));
    AtomicInteger n = new AtomicInteger();
    this.blocking = Executors.newFixedThreadPool(8, r -> daemon(r, "ingest-store-" + n.incrementAndGet()));
    this.timers = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "ingest-timer"));
    this.registry = new LiveRegistry(count -> protection.publishers(count));
    this.gate = new ConnectionGate(config.maxConnections(), config.maxConnectionsPerIp(), metrics);
    PublishAuthorizer authorizer = new PublishAuthorizer(repo, config, registry, blocking, metrics);
    // History samples wait at most a second for companions; a few minutes of them while DynamoDB fails.
    this.history = new HealthHistory(repo, 1000, Math.max(1000, config.maxConnections() * 60));
    this.services = new IngestServices(config, repo, uploader, metrics, registry, authorizer, blocking, timers, history);
  }

  private static IoHandlerFactory ioHandler() {
    return EPOLL ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
  }

  /** "epoll" or "nio (why epoll is unavailable)". */
  public static String transport() {
    return EPOLL ? "epoll" : "nio (" + Epoll.unavailabilityCause() + ")";
  }

  private static Thread daemon(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }

  /** Binds the RTMP port (and the RTMPS port if configured); returns the bound RTMP address. */
  public InetSocketAddress start() throws InterruptedException {
    InetSocketAddress rtmp = bind(config.rtmpPort(), Optional.empty());
    if (config.emf()) {
      // Raw stdout, not the JSON logger: CloudWatch reads EMF records as whole lines.
      timers.scheduleAtFixedRate(() -> System.out.println(metrics.activePublishersEmf(System.currentTimeMillis())),
          60, 60, TimeUnit.SECONDS);
    }
    if (config.tlsPort().isPresent()) {
      SslContext tls = TlsContexts.server(config.tlsCert().orElseThrow(), config.tlsKey().orElseThrow());
      bind(config.tlsPort().get(), Optional.of(tls));
    }
    return rtmp;
  }

  private InetSocketAddress bind(int port, Optional<SslContext> tls) throws InterruptedException {
    ServerBootstrap b = new ServerBootstrap()
        .group(boss, workers)
        .channel(EPOLL ? EpollServerSocketChannel.class : NioServerSocketChannel.class)
        .option(ChannelOption.SO_BACKLOG, 1024)
        .childOption(ChannelOption.TCP_NODELAY, true)
        .childOption(ChannelOption.SO_KEEPALIVE, true)
        .childHandler(new ChannelInitializer<SocketChannel>() {
          @Override
          protected void initChannel(SocketChannel ch) {
            tls.ifPresent(ctx -> ch.pipeline().addLast("tls", ctx.newHandler(ch.alloc())));
            ch.pipeline().addLast("gate", gate);
            ch.pipeline().addLast("idle", new IdleStateHandler(config.idleTimeout().toMillis(), 0, 0,
                TimeUnit.MILLISECONDS));
            RtmpPipeline.install(ch.pipeline(), config.limits());
            ch.pipeline().addLast("ingest", new IngestHandler(services));
          }
        });
    Channel ch = b.bind(config.host(), port).sync().channel();
    listeners.add(ch);
    InetSocketAddress bound = (InetSocketAddress) ch.localAddress();
    LOG.info("listening for {} on {} ({})", tls.isPresent() ? "RTMPS" : "RTMP", bound, transport());
    return bound;
  }

  /** The addresses bound, RTMP first. */
  public List<InetSocketAddress> addresses() {
    return listeners.stream().map(c -> (InetSocketAddress) c.localAddress()).toList();
  }

  /** The Prometheus text of /metrics. */
  public String renderMetrics() {
    long buffers = 0;
    for (LivePublish p : registry.live()) {
      buffers += p.chunkBufferCapacity();
    }
    return metrics.render(uploader, buffers);
  }

  public IngestMetrics metrics() {
    return metrics;
  }

  public Uploader uploader() {
    return uploader;
  }

  public boolean draining() {
    return draining;
  }

  /**
   * SIGTERM: stop accepting, end every session (each current chunk is closed as its last and
   * flushed), wait for the uploads, then stop. Returns false if the uploads did not finish in time.
   */
  public boolean drain(Duration timeout) throws InterruptedException {
    draining = true;
    gate.drain();
    for (Channel l : listeners) {
      l.close().sync();
    }
    List<LivePublish> live = new ArrayList<>(registry.live());
    LOG.info("draining: {} publishing session(s), upload timeout {} ms", live.size(), timeout.toMillis());
    for (LivePublish p : live) {
      p.channel().eventLoop().execute(() -> {
        p.end("drain");
        p.channel().close();
      });
    }
    boolean done = uploader.awaitIdle(timeout);
    LOG.info("drain {}: {} chunk(s) uploaded in total, {} lost", done ? "complete" : "timed out", uploader.chunksSent(),
        uploader.lost());
    return done;
  }

  @Override
  public void close() {
    draining = true;
    for (Channel l : listeners) {
      l.close();
    }
    boss.shutdownGracefully(0, 1, TimeUnit.SECONDS);
    workers.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    timers.shutdownNow();
    blocking.shutdown();
    uploader.close();
    history.close();
  }
}
