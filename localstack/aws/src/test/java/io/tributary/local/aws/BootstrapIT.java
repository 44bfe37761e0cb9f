package io.tributary.local.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.core.resources.ResourceNames;
import io.tributary.core.resources.Schema;
import io.tributary.core.resources.StreamsTable;
import io.tributary.core.resources.TableSpec;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

@ExtendWith(LocalAwsExtension.class)
class BootstrapIT {

  @Test
  void everyResourceOfTheSchemaExists(LocalAws aws) {
    Schema schema = new Schema(aws.names());
    try (S3Client s3 = aws.clients().s3(); DynamoDbClient dynamo = aws.clients().dynamo();
         SqsClient sqs = aws.clients().sqs()) {
      List<String> buckets = s3.listBuckets().buckets().stream().map(b -> b.name()).toList();
      schema.buckets().forEach(b -> assertTrue(buckets.contains(b.name()), b.name() + " in " + buckets));
      for (TableSpec t : schema.tables()) {
        TableDescription d = dynamo.describeTable(b -> b.tableName(t.name())).table();
        assertEquals(t.partitionKey().name(), d.keySchema().get(0).attributeName());
        assertEquals(t.sortKey().isPresent() ? 2 : 1, d.keySchema().size(), t.name());
        assertEquals(t.indexes().size(), d.globalSecondaryIndexes().size(), t.name());
      }
      var attrs = sqs.getQueueAttributes(b -> b.queueUrl(aws.queueUrl()).attributeNames(QueueAttributeName.ALL))
          .attributes();
      assertEquals("60", attrs.get(QueueAttributeName.VISIBILITY_TIMEOUT));
      assertTrue(attrs.get(QueueAttributeName.REDRIVE_POLICY).contains("\"maxReceiveCount\":\"3\"")
          || attrs.get(QueueAttributeName.REDRIVE_POLICY).contains("\"maxReceiveCount\":3"),
          attrs.get(QueueAttributeName.REDRIVE_POLICY));
      assertTrue(attrs.get(QueueAttributeName.REDRIVE_POLICY).contains(aws.names().jobDlq()));
    }
  }

  /** Also probes every optional API for real: an endpoint lacking one is reported, not fatal. */
  @Test
  void runningItAgainCreatesNothing(LocalAws aws) {
    BootstrapResult again = Bootstrap.run(aws.clients(), new Schema(aws.names()));
    assertEquals(List.of(), again.created());
    assertEquals(aws.queueUrl(), again.queueUrl());
    assertEquals(aws.dlqUrl(), again.dlqUrl());
    if (System.getProperty(LocalAwsExtension.PROPERTY, "embedded").equals("embedded")) {
      assertEquals(List.of("s3:PutBucketLifecycleConfiguration", "s3:PutBucketCors", "dynamodb:UpdateTimeToLive"),
          again.unsupported());
    } else {
      assertEquals(List.of(), again.unsupported(), "LocalStack implements every API the bootstrap uses");
    }
  }

  /**
   * A data dir from before the schema gained an index (an upgrade): the bootstrap adds it and
   * keeps every item (dynalite cannot add an index, so it rebuilds the table there).
   */
  @Test
  void anIndexTheSchemaGainedIsAddedKeepingTheItems(LocalAws aws) {
    ResourceNames names = ResourceNames.withPrefix("mig" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36));
    TableSpec streams = new Schema(names).streams();
    assertTrue(streams.indexes().stream().anyMatch(i -> i.name().equals(StreamsTable.BY_LEASE_TASK)));
    try (DynamoDbClient dynamo = aws.clients().dynamo()) {
      dynamo.createTable(b -> b.tableName(streams.name()).billingMode(BillingMode.PAY_PER_REQUEST)
          .attributeDefinitions(a -> a.attributeName(StreamsTable.STREAM_ID).attributeType("S"))
          .keySchema(k -> k.attributeName(StreamsTable.STREAM_ID).keyType(KeyType.HASH)));
      for (int i = 0; i < 30; i++) {
        Map<String, AttributeValue> item = Map.of(StreamsTable.STREAM_ID, AttributeValue.fromS("st_migrated" + i),
            StreamsTable.LIVE_TASK_ID, AttributeValue.fromS("task-" + i % 2));
        dynamo.putItem(b -> b.tableName(streams.name()).item(item));
      }
      int before = dynamo.scan(b -> b.tableName(streams.name())).count();

      BootstrapResult result = Bootstrap.run(aws.clients(), new Schema(names),
          Set.of("s3:PutBucketLifecycleConfiguration", "s3:PutBucketCors", Bootstrap.SQS_RETENTION));

      TableDescription d = dynamo.describeTable(b -> b.tableName(streams.name())).table();
      assertEquals(streams.indexes().size(), d.globalSecondaryIndexes().size(), d.toString());
      assertEquals(before, dynamo.scan(b -> b.tableName(streams.name())).count());
      int onIndex = 0;
      for (String task : List.of("task-0", "task-1")) {
        onIndex += dynamo.query(b -> b.tableName(streams.name()).indexName(StreamsTable.BY_LEASE_TASK)
            .keyConditionExpression("#t = :t").expressionAttributeNames(Map.of("#t", StreamsTable.LIVE_TASK_ID))
            .expressionAttributeValues(Map.of(":t", AttributeValue.fromS(task)))).count();
      }
      assertEquals(before, onIndex, "every item reachable through the added index");
      assertTrue(result.created().contains("index " + streams.name() + "/" + StreamsTable.BY_LEASE_TASK),
          result.created().toString());
      assertEquals(List.of(), Bootstrap.run(aws.clients(), new Schema(names),
          Set.of("s3:PutBucketLifecycleConfiguration", "s3:PutBucketCors", Bootstrap.SQS_RETENTION)).created());
    }
  }
}
