package io.tributary.transcode.job;

import io.tributary.core.resources.SegmentsTable;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Writes the segment index. Every write is a put conditioned on {@code attribute_not_exists(seq)}:
 * the first record for a seq wins (OK or GAP) and a retry can never duplicate or overwrite it,
 * without transactions (the local emulator has none).
 */
public final class SegmentIndex {
  private static final String NOT_EXISTS = "attribute_not_exists(#seq)";
  private final DynamoDbClient dynamo;
  private final String table;

  public SegmentIndex(DynamoDbClient dynamo, String table) {
    this.dynamo = dynamo;
    this.table = table;
  }

  /** @return true if written, false if a record for this seq already existed */
  public boolean putIfAbsent(Map<String, AttributeValue> item) {
    try {
      dynamo.putItem(b -> b.tableName(table).item(item).conditionExpression(NOT_EXISTS)
          .expressionAttributeNames(Map.of("#seq", SegmentsTable.SEQ)));
      return true;
    } catch (ConditionalCheckFailedException e) {
      return false;
    }
  }

  public boolean exists(String streamId, long seq) {
    return dynamo.getItem(b -> b.tableName(table).consistentRead(true).projectionExpression("#seq")
        .expressionAttributeNames(Map.of("#seq", SegmentsTable.SEQ))
        .key(Map.of(SegmentsTable.STREAM_ID, AttributeValue.fromS(streamId),
            SegmentsTable.SEQ, AttributeValue.fromN(Long.toString(seq))))).hasItem();
  }
}
