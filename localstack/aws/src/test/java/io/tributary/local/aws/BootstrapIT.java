package io.tributary.local.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.core.resources.Schema;
import io.tributary.core.resources.TableSpec;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
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
}
