package io.tributary.infra.storage;

import io.tributary.core.resources.Schema;
import io.tributary.core.resources.TableSpec;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.dynamodb.Attribute;
import software.amazon.awscdk.services.dynamodb.AttributeType;
import software.amazon.awscdk.services.dynamodb.BillingMode;
import software.amazon.awscdk.services.dynamodb.GlobalSecondaryIndexProps;
import software.amazon.awscdk.services.dynamodb.PointInTimeRecoverySpecification;
import software.amazon.awscdk.services.dynamodb.ProjectionType;
import software.amazon.awscdk.services.dynamodb.StreamViewType;
import software.amazon.awscdk.services.dynamodb.Table;
import software.amazon.awscdk.services.dynamodb.TableEncryption;
import software.amazon.awscdk.services.iam.IGrantable;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.constructs.Construct;

/**
 * Every DynamoDB table from core's {@link Schema}: key schema, GSIs (ALL projection) and TTL
 * attribute exactly as the local bootstrap creates them, here on-demand (no capacity to pay
 * for while idle) with point-in-time recovery, retained on stack deletion (they hold every
 * stream, key and recording index).
 */
public final class Tables extends Construct {
  private final Table streams;
  private final Table keys;
  private final Table sessions;
  private final Table segments;
  private final Table metrics;
  private final Table tokens;
  private final Table idempotency;
  private final Table sockets;

  public Tables(Construct scope, String id, Schema schema) {
    super(scope, id);
    // The change stream drives stream events and the media sweep in AWS (StreamChanges): both
    // images, because an event is the difference between them.
    streams = table("Streams", schema.streams(), StreamViewType.NEW_AND_OLD_IMAGES);
    keys = table("Keys", schema.keys());
    sessions = table("Sessions", schema.sessions());
    segments = table("Segments", schema.segments());
    metrics = table("Metrics", schema.metrics());
    tokens = table("Tokens", schema.tokens());
    idempotency = table("Idempotency", schema.idempotency());
    sockets = table("Sockets", schema.sockets());
  }

  private Table table(String id, TableSpec spec) {
    return table(id, spec, null);
  }

  private Table table(String id, TableSpec spec, StreamViewType changes) {
    Table.Builder b = Table.Builder.create(this, id)
        .partitionKey(attribute(spec.partitionKey()))
        .billingMode(BillingMode.PAY_PER_REQUEST)
        .pointInTimeRecoverySpecification(PointInTimeRecoverySpecification.builder()
            .pointInTimeRecoveryEnabled(true).build())
        .encryption(TableEncryption.AWS_MANAGED)
        .removalPolicy(RemovalPolicy.RETAIN);
    spec.sortKey().ifPresent(k -> b.sortKey(attribute(k)));
    spec.ttlAttribute().ifPresent(b::timeToLiveAttribute);
    if (changes != null) {
      b.stream(changes);
    }
    Table table = b.build();
    for (TableSpec.Index index : spec.indexes()) {
      GlobalSecondaryIndexProps.Builder gsi = GlobalSecondaryIndexProps.builder()
          .indexName(index.name())
          .partitionKey(attribute(index.partitionKey()))
          .projectionType(ProjectionType.ALL);
      index.sortKey().ifPresent(k -> gsi.sortKey(attribute(k)));
      table.addGlobalSecondaryIndex(gsi.build());
    }
    return table;
  }

  private static Attribute attribute(TableSpec.Key key) {
    return Attribute.builder().name(key.name())
        .type(key.type().equals("N") ? AttributeType.NUMBER : AttributeType.STRING).build();
  }

  /** Item reads: the only read actions any service needs (no Scan anywhere). */
  public static final List<String> READ = List.of("dynamodb:GetItem", "dynamodb:BatchGetItem", "dynamodb:Query",
      "dynamodb:ConditionCheckItem");
  public static final List<String> WRITE = List.of("dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem",
      "dynamodb:BatchWriteItem");

  /**
   * Grants {@code actions} on {@code table} and on the named indexes only. CDK's {@code grant*}
   * methods add {@code index/*} and actions no service calls (Scan, DescribeTable, streams), so
   * each service's access is spelled out here instead.
   */
  public static void allow(IGrantable grantee, Table table, List<String> actions, String... indexes) {
    List<String> resources = new ArrayList<>();
    resources.add(table.getTableArn());
    for (String index : indexes) {
      resources.add(table.getTableArn() + "/index/" + index);
    }
    grantee.getGrantPrincipal().addToPrincipalPolicy(PolicyStatement.Builder.create()
        .actions(actions).resources(resources).build());
  }

  /** {@link #READ} plus {@link #WRITE}. */
  public static List<String> readWrite() {
    List<String> all = new ArrayList<>(READ);
    all.addAll(WRITE);
    return all;
  }

  public Table streams() {
    return streams;
  }

  public Table keys() {
    return keys;
  }

  public Table sessions() {
    return sessions;
  }

  public Table segments() {
    return segments;
  }

  public Table metrics() {
    return metrics;
  }

  public Table tokens() {
    return tokens;
  }

  public Table idempotency() {
    return idempotency;
  }

  /** WebSocket API connections (LiveSockets). */
  public Table sockets() {
    return sockets;
  }

  public List<Table> all() {
    return List.of(streams, keys, sessions, segments, metrics, tokens, idempotency, sockets);
  }
}
