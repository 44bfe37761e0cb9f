package io.tributary.core.resources;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Every table, queue and bucket of Tributary, from one set of names. The local bootstrap and the
 * CDK app both build from this, so a key schema is written once. Attribute names live in the
 * per-table classes ({@link StreamsTable} and siblings).
 *
 * <p>No design here needs DynamoDB transactions (the local emulator lacks them): every
 * multi-writer invariant is a conditional write on one item.
 */
public record Schema(ResourceNames names) {
  public List<TableSpec> tables() {
    return List.of(streams(), keys(), sessions(), segments(), metrics(), tokens(), idempotency(), sockets());
  }

  public TableSpec streams() {
    return new TableSpec(names.streamsTable(), str(StreamsTable.STREAM_ID), Optional.empty(),
        List.of(new TableSpec.Index(StreamsTable.BY_TENANT, str(StreamsTable.TENANT_ID),
            Optional.of(num(StreamsTable.CREATED_AT))),
            new TableSpec.Index(StreamsTable.BY_LEASE_TASK, str(StreamsTable.LIVE_TASK_ID), Optional.empty())),
        Optional.empty());
  }

  public TableSpec keys() {
    return new TableSpec(names.keysTable(), str(KeysTable.KEY_HASH), Optional.empty(),
        List.of(new TableSpec.Index(KeysTable.BY_STREAM, str(KeysTable.STREAM_ID),
            Optional.of(num(KeysTable.CREATED_AT)))),
        Optional.empty());
  }

  public TableSpec sessions() {
    return new TableSpec(names.sessionsTable(), str(SessionsTable.STREAM_ID),
        Optional.of(str(SessionsTable.SESSION_ID)), List.of(), Optional.of(SessionsTable.EXPIRES_AT));
  }

  public TableSpec segments() {
    return new TableSpec(names.segmentsTable(), str(SegmentsTable.STREAM_ID),
        Optional.of(num(SegmentsTable.SEQ)), List.of(), Optional.of(SegmentsTable.EXPIRES_AT));
  }

  public TableSpec metrics() {
    return new TableSpec(names.metricsTable(), str(MetricsTable.STREAM_ID),
        Optional.of(num(MetricsTable.TS)), List.of(), Optional.of(MetricsTable.EXPIRES_AT));
  }

  public TableSpec tokens() {
    return new TableSpec(names.tokensTable(), str(TokensTable.TOKEN_HASH), Optional.empty(), List.of(),
        Optional.empty());
  }

  public TableSpec idempotency() {
    return new TableSpec(names.idempotencyTable(), str(IdempotencyTable.ID), Optional.empty(), List.of(),
        Optional.of(IdempotencyTable.EXPIRES_AT));
  }

  /** WebSocket connections (API Gateway in AWS), by connection id, found per stream for pushes. */
  public TableSpec sockets() {
    return new TableSpec(names.socketsTable(), str(SocketConnectionsTable.CONNECTION_ID), Optional.empty(),
        List.of(new TableSpec.Index(SocketConnectionsTable.BY_STREAM, str(SocketConnectionsTable.STREAM_ID),
            Optional.empty())),
        Optional.of(SocketConnectionsTable.EXPIRES_AT));
  }

  /** Jobs: a 2 s chunk transcodes in seconds; workers extend visibility while ffmpeg runs. */
  public QueueSpec jobQueue() {
    return new QueueSpec(names.jobQueue(), names.jobDlq(), 3, Duration.ofSeconds(60), Duration.ofHours(4),
        Duration.ofDays(14));
  }

  /** Raw chunks are transient: transcoded within seconds, kept a day for replay and debugging. */
  public BucketSpec rawBucket() {
    return new BucketSpec(names.rawBucket(), OptionalInt.of(1), false);
  }

  public BucketSpec mediaBucket() {
    return new BucketSpec(names.mediaBucket(), OptionalInt.empty(), true);
  }

  public List<BucketSpec> buckets() {
    return List.of(rawBucket(), mediaBucket());
  }

  private static TableSpec.Key str(String name) {
    return new TableSpec.Key(name, "S");
  }

  private static TableSpec.Key num(String name) {
    return new TableSpec.Key(name, "N");
  }
}
