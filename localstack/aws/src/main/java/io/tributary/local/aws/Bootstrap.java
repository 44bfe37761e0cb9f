package io.tributary.local.aws;

import io.tributary.core.aws.AwsClients;
import io.tributary.core.resources.BucketSpec;
import io.tributary.core.resources.QueueSpec;
import io.tributary.core.resources.Schema;
import io.tributary.core.resources.TableSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;
import software.amazon.awssdk.services.s3.model.CORSRule;
import software.amazon.awssdk.services.s3.model.ExpirationStatus;
import software.amazon.awssdk.services.s3.model.LifecycleRule;
import software.amazon.awssdk.services.s3.model.LifecycleRuleFilter;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;

/**
 * Creates every bucket, table and queue of {@link Schema}, idempotently: what exists is checked
 * (key schemas must match) and converged (queue attributes, CORS, indexes the schema gained), never
 * recreated (but for an index dynalite cannot add), so running it twice creates nothing the second time. Works against the embedded emulators, LocalStack and AWS.
 */
public final class Bootstrap {
  private static final Logger LOG = LoggerFactory.getLogger(Bootstrap.class);
  /** ElasticMQ accepts but ignores MessageRetentionPeriod (and warns each time). */
  static final String SQS_RETENTION = "sqs:MessageRetentionPeriod";

  private final AwsClients clients;
  private final Schema schema;
  private final List<String> created = new ArrayList<>();
  private final List<String> unsupported = new ArrayList<>();
  private final Set<String> knownUnsupported;

  private Bootstrap(AwsClients clients, Schema schema, Set<String> knownUnsupported) {
    this.clients = clients;
    this.schema = schema;
    this.knownUnsupported = Set.copyOf(knownUnsupported);
  }

  public static BootstrapResult run(AwsClients clients, Schema schema) {
    return new Bootstrap(clients, schema, Set.of()).run();
  }

  /**
   * As {@link #run(AwsClients, Schema)}, not even trying the named optional calls (e.g.
   * {@code s3:PutBucketCors}) that the caller knows the endpoint lacks: S3Proxy logs an ERROR for
   * each unknown API it receives, which would alarm every reader of a test log.
   */
  public static BootstrapResult run(AwsClients clients, Schema schema, Set<String> knownUnsupported) {
    return new Bootstrap(clients, schema, knownUnsupported).run();
  }

  private BootstrapResult run() {
    long t0 = System.nanoTime();
    try (S3Client s3 = clients.s3(); DynamoDbClient dynamo = clients.dynamo(); SqsClient sqs = clients.sqs()) {
      schema.buckets().forEach(b -> bucket(s3, b));
      List<String> noTtl = new ArrayList<>();
      for (TableSpec t : schema.tables()) {
        table(dynamo, t);
        t.ttlAttribute().ifPresent(a -> {
          if (!ttl(dynamo, t.name(), a)) {
            noTtl.add(t.name());
          }
        });
      }
      if (!noTtl.isEmpty()) {
        unsupported.add("dynamodb:UpdateTimeToLive");
        // One line, as promised in the issue: readers must filter expired items themselves anyway
        // (AWS deletes expired items lazily, up to days later).
        LOG.info("TTL is not applied on this endpoint ({} has no UpdateTimeToLive): items in {} keep their "
            + "expiry attribute but are never deleted", AwsClients.describe(clients.settings().dynamoEndpoint()), noTtl);
      }
      String[] urls = queues(sqs, schema.jobQueue());
      LOG.info("bootstrap done in {} ms: {} buckets, {} tables, 2 queues; created {}",
          (System.nanoTime() - t0) / 1_000_000, schema.buckets().size(), schema.tables().size(),
          created.isEmpty() ? "nothing (all present)" : created);
      return new BootstrapResult(urls[0], urls[1], created, unsupported);
    } catch (SdkClientException e) {
      throw new LocalAwsException("AWS_ENDPOINT_URL", endpoints(), "bootstrap could not reach AWS at "
          + endpoints() + " (" + Readiness.rootMessage(e) + "): start the emulators or LocalStack, or fix "
          + "AWS_ENDPOINT_URL / AWS_ENDPOINT_URL_S3 / _SQS / _DYNAMODB", e);
    } catch (AwsServiceException e) {
      throw new LocalAwsException("AWS_ACCESS_KEY_ID", errorCode(e), "bootstrap was refused by " + endpoints() + " ("
          + errorCode(e) + ": " + (e.awsErrorDetails() == null ? e.getMessage() : e.awsErrorDetails().errorMessage())
          + "): check the credentials and their "
          + "permissions, or the resource names (TRIBUTARY_PREFIX and TRIBUTARY_*)", e);
    }
  }

  // --- S3

  /**
   * Private needs no call: new buckets block public access by default in AWS (since 2023-04),
   * LocalStack and S3Proxy have no anonymous access, and the CDK app sets BlockPublicAccess itself.
   */
  private void bucket(S3Client s3, BucketSpec spec) {
    try {
      s3.headBucket(b -> b.bucket(spec.name()));
    } catch (NoSuchBucketException e) {
      create(s3, spec);
    } catch (S3Exception e) {
      if (e.statusCode() != 404) {
        throw e;
      }
      create(s3, spec);
    }
    if (spec.cors()) {
      optional("s3:PutBucketCors", () -> s3.putBucketCors(b -> b.bucket(spec.name()).corsConfiguration(c -> c
          .corsRules(CORSRule.builder().allowedOrigins("*").allowedMethods("GET", "HEAD").allowedHeaders("*")
              .exposeHeaders("ETag", "Content-Length", "Content-Range").maxAgeSeconds(3000).build()))));
    }
    spec.expireAfterDays().ifPresent(days -> optional("s3:PutBucketLifecycleConfiguration",
        () -> s3.putBucketLifecycleConfiguration(b -> b.bucket(spec.name()).lifecycleConfiguration(l -> l.rules(
            LifecycleRule.builder().id("expire-after-" + days + "d").status(ExpirationStatus.ENABLED)
                .filter(LifecycleRuleFilter.builder().prefix("").build())
                .expiration(x -> x.days(days)).build())))));
  }

  private void create(S3Client s3, BucketSpec spec) {
    String region = clients.settings().region();
    try {
      // us-east-1 is the one region that refuses an explicit LocationConstraint.
      s3.createBucket(b -> {
        b.bucket(spec.name());
        if (!region.equals("us-east-1")) {
          b.createBucketConfiguration(c -> c.locationConstraint(region));
        }
      });
      created.add("bucket " + spec.name());
      LOG.info("created bucket {}", spec.name());
    } catch (BucketAlreadyOwnedByYouException e) {
      LOG.debug("bucket {} appeared meanwhile", spec.name());
    }
  }

  /** A bucket feature the endpoint may not implement (S3Proxy: CORS and lifecycle APIs). */
  private void optional(String feature, Runnable call) {
    try {
      if (knownUnsupported.contains(feature)) {
        throw AwsServiceException.builder().statusCode(501).message("known to be unsupported").build();
      }
      call.run();
    } catch (AwsServiceException e) {
      if (e.statusCode() == 501 || "NotImplemented".equals(errorCode(e))) {
        if (!unsupported.contains(feature)) {
          unsupported.add(feature);
          LOG.info("{} is not implemented by {}; skipped{}", feature,
              AwsClients.describe(clients.settings().s3Endpoint()), feature.endsWith("Cors")
                  ? " (the embedded S3 applies a server-wide GET/HEAD CORS rule instead)"
                  : " (objects are not expired on this endpoint)");
        }
        return;
      }
      throw e;
    }
  }

  // --- DynamoDB

  private void table(DynamoDbClient dynamo, TableSpec spec) {
    TableDescription existing;
    try {
      existing = dynamo.describeTable(b -> b.tableName(spec.name())).table();
    } catch (ResourceNotFoundException e) {
      create(dynamo, spec);
      return;
    }
    List<KeySchemaElement> want = keys(spec.partitionKey(), spec.sortKey());
    if (!existing.keySchema().equals(want)) {
      throw new LocalAwsException("table", spec.name(), "table " + spec.name() + " exists with keys "
          + existing.keySchema() + " but the schema wants " + want + ": delete the table (locally: start once with "
          + LocalAwsConfig.ENV_WIPE + "=true)");
    }
    List<TableSpec.Index> missing = missingIndexes(existing, spec);
    if (!missing.isEmpty()) {
      addIndexes(dynamo, spec, missing);
    }
  }

  private void create(DynamoDbClient dynamo, TableSpec spec) {
    try {
      dynamo.createTable(b -> b.tableName(spec.name()).billingMode(BillingMode.PAY_PER_REQUEST)
          .attributeDefinitions(attributes(spec)).keySchema(keys(spec.partitionKey(), spec.sortKey()))
          .globalSecondaryIndexes(spec.indexes().isEmpty() ? null : spec.indexes().stream()
              .map(Bootstrap::index).toList()));
      created.add("table " + spec.name());
      LOG.info("created table {}", spec.name());
    } catch (ResourceInUseException raced) {
      LOG.debug("table {} appeared meanwhile", spec.name());
    }
    dynamo.waiter().waitUntilTableExists(b -> b.tableName(spec.name()));
  }

  private static GlobalSecondaryIndex index(TableSpec.Index i) {
    return GlobalSecondaryIndex.builder().indexName(i.name()).keySchema(keys(i.partitionKey(), i.sortKey()))
        .projection(Projection.builder().projectionType(ProjectionType.ALL).build()).build();
  }

  private static List<TableSpec.Index> missingIndexes(TableDescription existing, TableSpec spec) {
    TreeSet<String> have = new TreeSet<>();
    for (GlobalSecondaryIndexDescription g : existing.globalSecondaryIndexes()) {
      have.add(g.indexName());
    }
    return spec.indexes().stream().filter(i -> !have.contains(i.name())).toList();
  }

  /**
   * An index the schema gained after the table was made (an upgrade keeping its data dir). AWS and
   * LocalStack add it online, one per UpdateTable. dynalite refuses (or ignores) that call, so on
   * a local endpoint the table is rebuilt instead: items read into memory, table dropped and
   * created from the spec, items written back. Local data only, small; the log line says so.
   */
  private void addIndexes(DynamoDbClient dynamo, TableSpec spec, List<TableSpec.Index> missing) {
    TableSpec.Index first = missing.get(0);
    try {
      dynamo.updateTable(b -> b.tableName(spec.name()).attributeDefinitions(attributes(spec))
          .globalSecondaryIndexUpdates(u -> u.create(c -> c.indexName(first.name())
              .keySchema(keys(first.partitionKey(), first.sortKey()))
              .projection(Projection.builder().projectionType(ProjectionType.ALL).build()))));
      if (!missingIndexes(dynamo.describeTable(b -> b.tableName(spec.name())).table(), spec).contains(first)) {
        created.add("index " + spec.name() + "/" + first.name());
        LOG.info("adding index {} to table {} ({} more on later runs: one per call)", first.name(), spec.name(),
            missing.size() - 1);
        return;
      }
    } catch (DynamoDbException e) {
      if (!clients.settings().isLocal()) {
        throw e;
      }
    }
    rebuild(dynamo, spec, missing);
  }

  private void rebuild(DynamoDbClient dynamo, TableSpec spec, List<TableSpec.Index> missing) {
    List<Map<String, AttributeValue>> items = new ArrayList<>();
    dynamo.scanPaginator(b -> b.tableName(spec.name())).items().forEach(items::add);
    dynamo.deleteTable(b -> b.tableName(spec.name()));
    dynamo.waiter().waitUntilTableNotExists(b -> b.tableName(spec.name()));
    create(dynamo, spec);
    for (int i = 0; i < items.size(); i += 25) {
      List<WriteRequest> batch = items.subList(i, Math.min(i + 25, items.size())).stream()
          .map(item -> WriteRequest.builder().putRequest(r -> r.item(item)).build()).toList();
      Map<String, List<WriteRequest>> pending = Map.of(spec.name(), batch);
      while (!pending.isEmpty()) {
        Map<String, List<WriteRequest>> request = pending;
        pending = dynamo.batchWriteItem(b -> b.requestItems(request)).unprocessedItems();
      }
    }
    missing.forEach(i -> created.add("index " + spec.name() + "/" + i.name()));
    LOG.info("table {} rebuilt to add indexes {} ({} items copied): this endpoint cannot add an index to a table",
        spec.name(), missing.stream().map(TableSpec.Index::name).toList(), items.size());
  }

  /** True when TTL is on (or was just turned on); false when the endpoint has no TTL API. */
  private boolean ttl(DynamoDbClient dynamo, String table, String attribute) {
    try {
      var d = dynamo.describeTimeToLive(b -> b.tableName(table)).timeToLiveDescription();
      if ((d.timeToLiveStatus() == TimeToLiveStatus.ENABLED || d.timeToLiveStatus() == TimeToLiveStatus.ENABLING)
          && attribute.equals(d.attributeName())) {
        return true;
      }
      dynamo.updateTimeToLive(b -> b.tableName(table).timeToLiveSpecification(s -> s.enabled(true)
          .attributeName(attribute)));
      created.add("ttl " + table + "." + attribute);
      return true;
    } catch (AwsServiceException e) {
      if ("UnknownOperationException".equals(errorCode(e)) || e.statusCode() == 501) {
        return false;
      }
      throw e;
    }
  }

  private static List<AttributeDefinition> attributes(TableSpec spec) {
    Map<String, String> defs = new LinkedHashMap<>();
    add(defs, spec.partitionKey(), spec.sortKey());
    spec.indexes().forEach(i -> add(defs, i.partitionKey(), i.sortKey()));
    return defs.entrySet().stream()
        .map(e -> AttributeDefinition.builder().attributeName(e.getKey()).attributeType(e.getValue()).build())
        .toList();
  }

  private static void add(Map<String, String> defs, TableSpec.Key pk, Optional<TableSpec.Key> sk) {
    defs.put(pk.name(), pk.type());
    sk.ifPresent(k -> defs.put(k.name(), k.type()));
  }

  private static List<KeySchemaElement> keys(TableSpec.Key pk, Optional<TableSpec.Key> sk) {
    List<KeySchemaElement> keys = new ArrayList<>();
    keys.add(KeySchemaElement.builder().attributeName(pk.name()).keyType(KeyType.HASH).build());
    sk.ifPresent(k -> keys.add(KeySchemaElement.builder().attributeName(k.name()).keyType(KeyType.RANGE).build()));
    return keys;
  }

  // --- SQS

  private String[] queues(SqsClient sqs, QueueSpec spec) {
    boolean retention = !knownUnsupported.contains(SQS_RETENTION);
    if (!retention) {
      unsupported.add(SQS_RETENTION);
      LOG.info("{} is not supported by {}; messages are kept until deleted", SQS_RETENTION,
          AwsClients.describe(clients.settings().sqsEndpoint()));
    }
    Map<QueueAttributeName, String> dlqAttributes = new LinkedHashMap<>();
    if (retention) {
      dlqAttributes.put(QueueAttributeName.MESSAGE_RETENTION_PERIOD, Long.toString(spec.dlqRetention().toSeconds()));
    }
    String dlqUrl = queue(sqs, spec.dlqName(), dlqAttributes);
    String dlqArn = sqs.getQueueAttributes(b -> b.queueUrl(dlqUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
        .attributes().get(QueueAttributeName.QUEUE_ARN);
    // Redrive policy per the SQS API reference: maxReceiveCount receives, then the DLQ.
    String redrive = "{\"deadLetterTargetArn\":\"" + dlqArn + "\",\"maxReceiveCount\":\"" + spec.maxReceiveCount()
        + "\"}";
    Map<QueueAttributeName, String> attributes = new LinkedHashMap<>();
    attributes.put(QueueAttributeName.VISIBILITY_TIMEOUT, Long.toString(spec.visibilityTimeout().toSeconds()));
    if (retention) {
      attributes.put(QueueAttributeName.MESSAGE_RETENTION_PERIOD, Long.toString(spec.retention().toSeconds()));
    }
    attributes.put(QueueAttributeName.REDRIVE_POLICY, redrive);
    String queueUrl = queue(sqs, spec.name(), attributes);
    return new String[] {queueUrl, dlqUrl};
  }

  private String queue(SqsClient sqs, String name, Map<QueueAttributeName, String> attributes) {
    try {
      String url = sqs.getQueueUrl(b -> b.queueName(name)).queueUrl();
      if (!attributes.isEmpty()) {
        sqs.setQueueAttributes(b -> b.queueUrl(url).attributes(attributes));
      }
      return url;
    } catch (QueueDoesNotExistException e) {
      String url = sqs.createQueue(b -> b.queueName(name).attributes(attributes)).queueUrl();
      created.add("queue " + name);
      LOG.info("created queue {}", name);
      return url;
    }
  }

  private static String errorCode(AwsServiceException e) {
    return e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
  }

  private String endpoints() {
    var s = clients.settings();
    return "s3=" + AwsClients.describe(s.s3Endpoint()) + " sqs=" + AwsClients.describe(s.sqsEndpoint())
        + " dynamodb=" + AwsClients.describe(s.dynamoEndpoint());
  }
}
