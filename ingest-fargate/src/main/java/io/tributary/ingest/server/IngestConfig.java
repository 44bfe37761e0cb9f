package io.tributary.ingest.server;

import io.tributary.core.config.EnvVars;
import io.tributary.core.ecs.EcsTaskArn;
import io.tributary.core.ecs.EcsTaskMetadata;
import io.tributary.ingest.chunk.RtmpLimits;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Ingest configuration, from environment variables with documented defaults (see {@link #fromEnv}),
 * validated before anything starts. AWS endpoints and resource names are read separately by core
 * ({@code AwsSettings}, {@code ResourceNames}).
 */
public record IngestConfig(
    String host,
    int rtmpPort,
    int httpPort,
    Optional<Integer> tlsPort,
    Optional<Path> tlsCert,
    Optional<Path> tlsKey,
    String app,
    String taskId,
    RtmpLimits limits,
    Duration idleTimeout,
    int maxConnections,
    int maxConnectionsPerIp,
    int maxChunkBytes,
    Duration lease,
    Duration healthInterval,
    Duration unauthorizedDelay,
    int uploadThreads,
    int jobLingerMs,
    long bufferMemoryBytes,
    long spillMaxBytesPerSession,
    Path spillDir,
    Duration drainTimeout,
    Duration ioCoalesce,
    int ioThreads,
    Optional<String> ecsAgentUri,
    boolean emf) {

  public IngestConfig {
    port("rtmp port", rtmpPort);
    port("http port", httpPort);
    tlsPort.ifPresent(p -> port("tls port", p));
    if (tlsPort.isPresent() && (tlsCert.isEmpty() || tlsKey.isEmpty())) {
      throw new IllegalArgumentException("TRIBUTARY_INGEST_TLS_PORT needs TRIBUTARY_INGEST_TLS_CERT and TRIBUTARY_INGEST_TLS_KEY (PEM files)");
    }
    for (Optional<Path> f : java.util.List.of(tlsCert, tlsKey)) {
      if (tlsPort.isPresent() && f.isPresent() && !Files.isReadable(f.get())) {
        throw new IllegalArgumentException("TLS file " + f.get() + " is not readable");
      }
    }
    if (app == null || !app.matches("[A-Za-z0-9_-]{1,64}")) {
      throw new IllegalArgumentException("TRIBUTARY_INGEST_APP must be 1..64 letters, digits, '_' or '-', got " + app);
    }
    if (taskId == null || taskId.isBlank()) {
      throw new IllegalArgumentException("task id is required");
    }
    positive("idle timeout", idleTimeout);
    positive("lease", lease);
    positive("health interval", healthInterval);
    if (lease.toMillis() < 3000) {
      throw new IllegalArgumentException("TRIBUTARY_INGEST_LEASE_MS must be >= 3000 (renewed every third), got " + lease.toMillis());
    }
    if (maxConnections < 1 || maxConnectionsPerIp < 1 || maxConnectionsPerIp > maxConnections) {
      throw new IllegalArgumentException("need 1 <= per-IP cap <= max connections, got " + maxConnectionsPerIp + "/" + maxConnections);
    }
    if (maxChunkBytes < (1 << 20)) {
      throw new IllegalArgumentException("TRIBUTARY_INGEST_MAX_CHUNK_BYTES must be >= 1 MiB, got " + maxChunkBytes);
    }
    if (jobLingerMs < 0 || jobLingerMs > 1000) {
      throw new IllegalArgumentException("TRIBUTARY_INGEST_JOB_LINGER_MS must be in 0..1000, got " + jobLingerMs);
    }
    if (ioThreads < 1 || ioThreads > 256) {
      throw new IllegalArgumentException("TRIBUTARY_INGEST_IO_THREADS must be in 1..256, got " + ioThreads);
    }
    if (ioCoalesce.isNegative() || ioCoalesce.toNanos() > 20_000_000L) {
      throw new IllegalArgumentException("TRIBUTARY_INGEST_IO_COALESCE_US must be in 0..20000, got " + ioCoalesce.toNanos() / 1000);
    }
    if (unauthorizedDelay.isNegative() || drainTimeout.isNegative()) {
      throw new IllegalArgumentException("delays cannot be negative");
    }
  }

  /**
   * Reads:
   * <pre>
   * TRIBUTARY_INGEST_HOST                 0.0.0.0   bind address
   * TRIBUTARY_INGEST_PORT                 1935      RTMP
   * TRIBUTARY_INGEST_HTTP_PORT            8086      /health and /metrics
   * TRIBUTARY_INGEST_TLS_PORT             (off)     RTMPS, with _TLS_CERT and _TLS_KEY (PEM, PKCS#8 key)
   * TRIBUTARY_INGEST_APP                  live      RTMP application in rtmp://host/{app}/{key}
   * TRIBUTARY_TASK_ID                     hostname-uuid  lease holder id; on ECS (ECS_CONTAINER_METADATA_URI_V4 set)
   *                                       the task id from the task metadata endpoint
   * TRIBUTARY_INGEST_HANDSHAKE_TIMEOUT_MS 10000
   * TRIBUTARY_INGEST_MAX_MESSAGE_BYTES    4194304   largest RTMP message a peer may declare
   * TRIBUTARY_INGEST_MAX_PEER_CHUNK_SIZE  1048576   largest Set Chunk Size accepted
   * TRIBUTARY_INGEST_OUT_CHUNK_SIZE       4096      our Set Chunk Size
   * TRIBUTARY_INGEST_IDLE_TIMEOUT_MS      30000     no bytes for this long: dropped
   * TRIBUTARY_INGEST_MAX_CONNECTIONS      1000
   * TRIBUTARY_INGEST_MAX_CONNECTIONS_PER_IP 50
   * TRIBUTARY_INGEST_MAX_CHUNK_BYTES      67108864  one chunk's FLV
   * TRIBUTARY_INGEST_LEASE_MS             10000     publish lease, renewed every third
   * TRIBUTARY_INGEST_HEALTH_INTERVAL_MS   5000
   * TRIBUTARY_INGEST_UNAUTHORIZED_DELAY_MS 1000     answer delay for a wrong key
   * TRIBUTARY_INGEST_UPLOAD_THREADS       16
   * TRIBUTARY_INGEST_JOB_LINGER_MS        20        wait this long for more jobs to send in one SendMessageBatch
   * TRIBUTARY_INGEST_BUFFER_MEMORY_BYTES  268435456 chunks held in memory (all sessions) before spilling
   * TRIBUTARY_INGEST_SPILL_MAX_BYTES      536870912 per session on disk; past it the stream is dropped
   * TRIBUTARY_INGEST_SPILL_DIR            $TMPDIR/tributary-ingest-spill
   * TRIBUTARY_INGEST_DRAIN_TIMEOUT_MS     25000     SIGTERM: wait this long for uploads
   * TRIBUTARY_INGEST_IO_COALESCE_US       4000      event loops gather reads this long after a busy pass (0: off)
   * TRIBUTARY_INGEST_IO_THREADS           cores     RTMP event loops (handlers never block; more loops, more wake-ups)
   * ECS_AGENT_URI                         (off)     set by ECS: task scale-in protection
   * TRIBUTARY_EMF                         true when no AWS endpoint override: EMF metric lines on stdout
   * </pre>
   */
  public static IngestConfig fromEnv(Map<String, String> env) {
    RtmpLimits limits = RtmpLimits.defaults()
        .withHandshakeTimeout(Duration.ofMillis(EnvVars.longValue(env, "TRIBUTARY_INGEST_HANDSHAKE_TIMEOUT_MS", 10_000)))
        .withMaxMessageSize(EnvVars.integer(env, "TRIBUTARY_INGEST_MAX_MESSAGE_BYTES", 4 << 20))
        .withMaxPeerChunkSize(EnvVars.integer(env, "TRIBUTARY_INGEST_MAX_PEER_CHUNK_SIZE", 1 << 20))
        .withOutChunkSize(EnvVars.integer(env, "TRIBUTARY_INGEST_OUT_CHUNK_SIZE", 4096));
    Optional<Integer> tls = Optional.ofNullable(blank(env.get("TRIBUTARY_INGEST_TLS_PORT"))).map(v -> parseInt("TRIBUTARY_INGEST_TLS_PORT", v));
    boolean local = env.containsKey("AWS_ENDPOINT_URL") || env.containsKey("AWS_ENDPOINT_URL_S3")
        || env.containsKey("AWS_ENDPOINT_URL_DYNAMODB");
    return new IngestConfig(
        env.getOrDefault("TRIBUTARY_INGEST_HOST", "0.0.0.0"),
        EnvVars.integer(env, "TRIBUTARY_INGEST_PORT", 1935),
        EnvVars.integer(env, "TRIBUTARY_INGEST_HTTP_PORT", 8086),
        tls,
        Optional.ofNullable(blank(env.get("TRIBUTARY_INGEST_TLS_CERT"))).map(Path::of),
        Optional.ofNullable(blank(env.get("TRIBUTARY_INGEST_TLS_KEY"))).map(Path::of),
        env.getOrDefault("TRIBUTARY_INGEST_APP", "live"),
        // On ECS the lease holder is the task id, the one an ECS Task State Change event names (the lease reaper).
        Optional.ofNullable(blank(env.get("TRIBUTARY_TASK_ID")))
            .or(() -> EcsTaskMetadata.taskArn(env).map(EcsTaskArn::taskId)).orElseGet(IngestConfig::defaultTaskId),
        limits,
        Duration.ofMillis(EnvVars.longValue(env, "TRIBUTARY_INGEST_IDLE_TIMEOUT_MS", 30_000)),
        EnvVars.integer(env, "TRIBUTARY_INGEST_MAX_CONNECTIONS", 1000),
        EnvVars.integer(env, "TRIBUTARY_INGEST_MAX_CONNECTIONS_PER_IP", 50),
        EnvVars.integer(env, "TRIBUTARY_INGEST_MAX_CHUNK_BYTES", 64 << 20),
        Duration.ofMillis(EnvVars.longValue(env, "TRIBUTARY_INGEST_LEASE_MS", 10_000)),
        Duration.ofMillis(EnvVars.longValue(env, "TRIBUTARY_INGEST_HEALTH_INTERVAL_MS", 5000)),
        Duration.ofMillis(EnvVars.longValue(env, "TRIBUTARY_INGEST_UNAUTHORIZED_DELAY_MS", 1000)),
        EnvVars.integer(env, "TRIBUTARY_INGEST_UPLOAD_THREADS", 16),
        EnvVars.integer(env, "TRIBUTARY_INGEST_JOB_LINGER_MS", 20),
        EnvVars.longValue(env, "TRIBUTARY_INGEST_BUFFER_MEMORY_BYTES", 256L << 20),
        EnvVars.longValue(env, "TRIBUTARY_INGEST_SPILL_MAX_BYTES", 512L << 20),
        Path.of(env.getOrDefault("TRIBUTARY_INGEST_SPILL_DIR",
            Path.of(System.getProperty("java.io.tmpdir"), "tributary-ingest-spill").toString())),
        Duration.ofMillis(EnvVars.longValue(env, "TRIBUTARY_INGEST_DRAIN_TIMEOUT_MS", 25_000)),
        Duration.ofNanos(EnvVars.longValue(env, "TRIBUTARY_INGEST_IO_COALESCE_US", 4000) * 1000),
        EnvVars.integer(env, "TRIBUTARY_INGEST_IO_THREADS", Runtime.getRuntime().availableProcessors()),
        Optional.ofNullable(blank(env.get("ECS_AGENT_URI"))),
        Boolean.parseBoolean(env.getOrDefault("TRIBUTARY_EMF", Boolean.toString(!local))));
  }

  public static IngestConfig fromEnv() {
    return fromEnv(System.getenv());
  }

  private static String defaultTaskId() {
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (java.io.IOException e) {
      host = "ingest";
    }
    return host + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  private static String blank(String v) {
    return v == null || v.isBlank() ? null : v.strip();
  }

  private static int parseInt(String name, String v) {
    try {
      return Integer.parseInt(v);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + "=" + v + " is not an integer");
    }
  }

  private static void port(String what, int p) {
    if (p < 0 || p > 65535) {
      throw new IllegalArgumentException(what + " must be in 0..65535 (0 = any free port), got " + p);
    }
  }

  private static void positive(String what, Duration d) {
    if (d == null || d.isZero() || d.isNegative()) {
      throw new IllegalArgumentException(what + " must be positive, got " + d);
    }
  }
}
