package io.tributary.transcode.job;

import io.tributary.core.resources.SegmentsTable;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Writes the segment index, without transactions (the local emulator has none): every write is
 * a conditional put on the one item of a seq. An OK record is written only where there is none
 * or a GAP (so redriving a job from the DLQ heals its gap) and is never overwritten; a GAP only
 * where there is nothing, so a concurrent success always wins.
 */
public final class SegmentIndex {
  private static final String NOT_EXISTS = "attribute_not_exists(#seq)";
  private final DynamoDbClient dynamo;
  private final String table;

  public SegmentIndex(DynamoDbClient dynamo, String table) {
    this.dynamo = dynamo;
    this.table = table;
  }

  /** @return true if written, false if an OK record for this seq already existed */
  public boolean putOk(Map<String, AttributeValue> item) {
    try {
      dynamo.putItem(b -> b.tableName(table).item(item).conditionExpression(NOT_EXISTS + " OR #status = :gap")
          .expressionAttributeNames(Map.of("#seq", SegmentsTable.SEQ, "#status", SegmentsTable.STATUS))
          .expressionAttributeValues(Map.of(":gap", AttributeValue.fromS(SegmentsTable.STATUS_GAP))));
      return true;
    } catch (ConditionalCheckFailedException e) {
      return false;
    }
  }

  /** @return true if written, false if any record for this seq already existed */
  public boolean putGap(Map<String, AttributeValue> item) {
    try {
      dynamo.putItem(b -> b.tableName(table).item(item).conditionExpression(NOT_EXISTS)
          .expressionAttributeNames(Map.of("#seq", SegmentsTable.SEQ)));
      return true;
    } catch (ConditionalCheckFailedException e) {
      return false;
    }
  }

  /** True when the seq has its OK record (a GAP does not count: the job may still heal it). */
  public boolean isDone(String streamId, long seq) {
    var item = dynamo.getItem(b -> b.tableName(table).consistentRead(true).projectionExpression("#status")
        .expressionAttributeNames(Map.of("#status", SegmentsTable.STATUS))
        .key(Map.of(SegmentsTable.STREAM_ID, AttributeValue.fromS(streamId),
            SegmentsTable.SEQ, AttributeValue.fromN(Long.toString(seq)))));
    return item.hasItem() && SegmentsTable.STATUS_OK.equals(item.item().get(SegmentsTable.STATUS).s());
  }
}
