package io.tributary.local.aws;

import io.tributary.core.aws.AwsClients;
import io.tributary.core.aws.AwsSettings;
import io.tributary.core.resources.ResourceNames;
import io.tributary.core.resources.Schema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded local AWS: S3Proxy (S3), ElasticMQ (SQS) and dynalite (DynamoDB, a node child
 * process) on 127.0.0.1, resources bootstrapped from {@link Schema}. Start with
 * {@link #start(LocalAwsConfig)}; {@link #close()} (or JVM exit, through a shutdown hook) stops
 * all three, the node child included.
 *
 * <pre>{@code
 * try (LocalAwsServer aws = LocalAwsServer.start(LocalAwsConfig.fromEnv())) {
 *   aws.env();  // AWS_ENDPOINT_URL_S3/_SQS/_DYNAMODB, AWS_REGION, credentials, TRIBUTARY_* names
 * }
 * }</pre>
 */
public final class LocalAwsServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LocalAwsServer.class);
  private static final Duration READY_TIMEOUT = Duration.ofSeconds(30);

  private final LocalAwsConfig config;
  private final Deque<AutoCloseable> resources;
  private final LocalAws aws;
  private final Thread hook;
  private final Timings timings;
  private final S3Emulator s3;
  private final DynamoEmulator dynamo;
  private volatile boolean closed;

  /** Milliseconds from the start call: emulators answering, then bootstrap done. */
  public record Timings(long readyMs, long bootstrappedMs) {}

  private LocalAwsServer(LocalAwsConfig config, Deque<AutoCloseable> resources, LocalAws aws, Timings timings,
                         S3Emulator s3, DynamoEmulator dynamo) {
    this.config = config;
    this.resources = resources;
    this.aws = aws;
    this.timings = timings;
    this.s3 = s3;
    this.dynamo = dynamo;
    this.hook = new Thread(this::closeQuietly, "tributary-local-aws-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
  }

  /**
   * Starts the three emulators, waits until each answers an SDK call, and bootstraps every
   * resource. Fails with a {@link LocalAwsException} whose message is the one line to show.
   */
  public static LocalAwsServer start(LocalAwsConfig config) {
    long t0 = System.nanoTime();
    Deque<AutoCloseable> started = new ArrayDeque<>();
    CompletableFuture<DynamoEmulator> dynamo = null;
    CompletableFuture<SqsEmulator> sqs = null;
    // Own named daemon threads: these tasks block for seconds, which the shared common pool is not for.
    ExecutorService pool = Executors.newFixedThreadPool(3, r -> {
      Thread t = new Thread(r, "local-aws-start");
      t.setDaemon(true);
      return t;
    });
    try {
      prepareDataDir(config, started);
      int s3Port = LoopbackPort.claim(config.s3Port(), "S3", LocalAwsConfig.ENV_S3_PORT);
      int sqsPort = LoopbackPort.claim(config.sqsPort(), "SQS", LocalAwsConfig.ENV_SQS_PORT);
      int dynamoPort = LoopbackPort.claim(config.dynamoPort(), "DynamoDB", LocalAwsConfig.ENV_DYNAMODB_PORT);
      // Everything overlaps: node (and, the first time, npm ci), ElasticMQ's pekko boot, S3Proxy's
      // Jetty and the SDK's own class loading in the readiness probes, which simply retry until
      // each endpoint answers.
      dynamo = CompletableFuture.supplyAsync(() -> {
        try {
          Path install = DynaliteInstall.ensure(config.cacheDir(), config.npm());
          return DynamoEmulator.start(install, config.node(), dynamoPort,
              config.persistent() ? Optional.of(config.dynamoDir()) : Optional.empty());
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }, pool);
      CompletableFuture<SqsEmulator> sqsFuture = CompletableFuture.supplyAsync(() -> {
        try {
          return SqsEmulator.start(sqsPort, config.sqsDir(), config.persistent(), config.region());
        } catch (Exception e) {
          throw new LocalAwsException(LocalAwsConfig.ENV_SQS_PORT, Integer.toString(sqsPort), "ElasticMQ (SQS) failed "
              + "to start on " + LoopbackPort.HOST + ":" + sqsPort + " (" + Readiness.rootMessage(e) + "): set "
              + LocalAwsConfig.ENV_SQS_PORT + " to a free port", e);
        }
      }, pool);
      sqs = sqsFuture;
      AwsSettings settings = new AwsSettings(Optional.of(uri(s3Port)), Optional.of(uri(sqsPort)),
          Optional.of(uri(dynamoPort)), config.region());
      AwsClients clients = new AwsClients(settings);
      CompletableFuture<Long> readiness = CompletableFuture.supplyAsync(() -> {
        Readiness.await(clients, READY_TIMEOUT);
        return (System.nanoTime() - t0) / 1_000_000;
      }, pool);
      LocalCredentials credentials = LocalCredentials.forThisProcess();
      S3Emulator s3;
      try {
        s3 = S3Emulator.start(config.s3Dir(), s3Port, credentials);
      } catch (Exception e) {
        throw new LocalAwsException(LocalAwsConfig.ENV_S3_PORT, Integer.toString(s3Port), "S3Proxy (S3) failed to "
            + "start on " + LoopbackPort.HOST + ":" + s3Port + " with data in " + config.s3Dir() + " ("
            + Readiness.rootMessage(e) + "): set " + LocalAwsConfig.ENV_S3_PORT + " to a free port or "
            + LocalAwsConfig.ENV_DATA_DIR + " to a writable directory", e);
      }
      started.push(s3);
      long s3Ms = (System.nanoTime() - t0) / 1_000_000;
      started.push(join(sqsFuture));
      long sqsMs = (System.nanoTime() - t0) / 1_000_000;
      DynamoEmulator dyn = join(dynamo);
      started.push(dyn);
      LOG.info("emulators started (ms from start): S3Proxy {}, ElasticMQ {}, dynalite {}", s3Ms, sqsMs,
          (System.nanoTime() - t0) / 1_000_000);
      long ready = join(readiness);
      Set<String> lacking = new HashSet<>(S3Emulator.UNSUPPORTED);
      lacking.add(Bootstrap.SQS_RETENTION);
      BootstrapResult boot = Bootstrap.run(clients, new Schema(config.names()), lacking);
      long done = (System.nanoTime() - t0) / 1_000_000;
      Map<String, String> env = LocalEnv.of(settings, config.names(), credentials);
      LocalAws aws = new LocalAws(clients, config.names(), settings, env, boot.queueUrl(), boot.dlqUrl());
      LOG.info("local AWS ready in {} ms (bootstrap done at {} ms): s3={} sqs={} dynamodb={} (node pid {}) data={}",
          ready, done, s3Port, sqsPort, dynamoPort, dyn.pid(), config.dataDir());
      return new LocalAwsServer(config, started, aws, new Timings(ready, done), s3, dyn);
    } catch (LocalAwsException e) {
      closeAll(started);
      stopLate(dynamo, sqs);
      throw e;
    } catch (Error e) {
      // A LinkageError or OOM must not leave Jetty/pekko threads keeping the JVM alive.
      closeAll(started);
      stopLate(dynamo, sqs);
      throw e;
    } catch (Exception e) {
      closeAll(started);
      stopLate(dynamo, sqs);
      throw new LocalAwsException("start", config.dataDir().toString(), "local AWS failed to start ("
          + Readiness.rootMessage(e) + "): see the log above; if the data under " + config.dataDir()
          + " is damaged, start once with " + LocalAwsConfig.ENV_WIPE + "=true", e);
    } finally {
      pool.shutdown();
    }
  }

  /** The handle tests and the launcher use. */
  public LocalAws aws() {
    return aws;
  }

  /** Environment for a child process or a service: endpoints, region, credentials, resource names. */
  public Map<String, String> env() {
    return aws.env();
  }

  public AwsSettings settings() {
    return aws.settings();
  }

  public ResourceNames names() {
    return aws.names();
  }

  public LocalAwsConfig config() {
    return config;
  }

  public Timings timings() {
    return timings;
  }

  /**
   * Prometheus text exposition (format 0.0.4) of the emulators' state, for the {@code /metrics}
   * endpoint of whichever process hosts this server.
   */
  public String prometheusText() {
    return "# HELP tributary_local_aws_up 1 while the emulator is running.\n"
        + "# TYPE tributary_local_aws_up gauge\n"
        + "tributary_local_aws_up{service=\"s3\"} " + (!closed && s3.isStarted() ? 1 : 0) + "\n"
        + "tributary_local_aws_up{service=\"sqs\"} " + (closed ? 0 : 1) + "\n"
        + "tributary_local_aws_up{service=\"dynamodb\"} " + (!closed && dynamo.isAlive() ? 1 : 0) + "\n"
        + "# HELP tributary_local_aws_start_seconds Time from start to emulators ready and to bootstrap done.\n"
        + "# TYPE tributary_local_aws_start_seconds gauge\n"
        + "tributary_local_aws_start_seconds{phase=\"ready\"} " + timings.readyMs() / 1000.0 + "\n"
        + "tributary_local_aws_start_seconds{phase=\"bootstrapped\"} " + timings.bootstrappedMs() / 1000.0 + "\n";
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException alreadyShuttingDown) {
      // Called from the hook itself during JVM exit.
    }
    closeAll(resources);
    LOG.info("local AWS stopped");
  }

  private void closeQuietly() {
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
    }
    closeAll(resources);
  }

  private static void closeAll(Deque<AutoCloseable> resources) {
    while (!resources.isEmpty()) {
      AutoCloseable r = resources.pop();
      try {
        r.close();
      } catch (Exception e) {
        LOG.warn("stopping {} failed: {}", r.getClass().getSimpleName(), e.toString());
      }
    }
  }

  /** An emulator still starting when something else failed is stopped once it is up. */
  private static void stopLate(CompletableFuture<DynamoEmulator> dynamo, CompletableFuture<SqsEmulator> sqs) {
    if (dynamo != null) {
      dynamo.thenAccept(DynamoEmulator::close);
    }
    if (sqs != null) {
      sqs.thenAccept(SqsEmulator::close);
    }
  }

  private static <T> T join(CompletableFuture<T> f) {
    try {
      return f.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw e;
    }
  }

  /**
   * Wipes (when asked) and locks the data dir, so a second local AWS on the same data fails
   * clearly instead of corrupting LevelDB or H2.
   */
  private static void prepareDataDir(LocalAwsConfig config, Deque<AutoCloseable> started) throws IOException {
    try {
      Files.createDirectories(config.dataDir());
    } catch (IOException e) {
      throw new LocalAwsException(LocalAwsConfig.ENV_DATA_DIR, config.dataDir().toString(), "cannot create data dir "
          + config.dataDir() + " (" + e.getMessage() + "): set " + LocalAwsConfig.ENV_DATA_DIR + " to a writable path", e);
    }
    FileChannel ch = FileChannel.open(config.dataDir().resolve(".lock"), StandardOpenOption.CREATE,
        StandardOpenOption.WRITE);
    FileLock lock;
    try {
      lock = ch.tryLock();
    } catch (OverlappingFileLockException e) {
      lock = null;
    }
    if (lock == null) {
      ch.close();
      throw new LocalAwsException(LocalAwsConfig.ENV_DATA_DIR, config.dataDir().toString(), "data dir "
          + config.dataDir() + " is in use by another running local AWS: stop it or set "
          + LocalAwsConfig.ENV_DATA_DIR + " to another directory");
    }
    started.push(ch);
    if (config.wipe()) {
      for (Path p : new Path[] {config.s3Dir(), config.sqsDir(), config.dynamoDir()}) {
        deleteTree(p);
      }
      LOG.info("wiped S3, SQS and DynamoDB data under {}", config.dataDir());
    }
  }

  static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    Files.walkFileTree(root, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
        Files.delete(file);
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
        Files.delete(dir);
        return FileVisitResult.CONTINUE;
      }
    });
  }

  private static URI uri(int port) {
    return URI.create("http://" + LoopbackPort.HOST + ":" + port);
  }
}
