package io.tributary.playlist.store;

import io.tributary.core.resources.SegmentsTable;
import io.tributary.playlist.plan.IndexedSegment;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/** {@link SegmentIndex} over the segments table: one Query on (streamId, seq). */
public final class DynamoSegmentIndex implements SegmentIndex {
  private static final Logger LOG = LoggerFactory.getLogger(DynamoSegmentIndex.class);
  private final DynamoDbClient dynamo;
  private final String table;

  public DynamoSegmentIndex(DynamoDbClient dynamo, String table) {
    this.dynamo = dynamo;
    this.table = table;
  }

  @Override
  public List<IndexedSegment> newest(String streamId, int limit) {
    QueryRequest q = QueryRequest.builder().tableName(table)
        .keyConditionExpression("#s = :s")
        .expressionAttributeNames(Map.of("#s", SegmentsTable.STREAM_ID))
        .expressionAttributeValues(Map.of(":s", AttributeValue.fromS(streamId)))
        .scanIndexForward(false).limit(limit).consistentRead(false).build();
    List<IndexedSegment> out = run(q, limit);
    Collections.reverse(out);
    return out;
  }

  @Override
  public List<IndexedSegment> range(String streamId, long fromSeq, long toSeq, int limit) {
    QueryRequest q = QueryRequest.builder().tableName(table)
        .keyConditionExpression("#s = :s AND #q BETWEEN :a AND :b")
        .expressionAttributeNames(Map.of("#s", SegmentsTable.STREAM_ID, "#q", SegmentsTable.SEQ))
        .expressionAttributeValues(Map.of(":s", AttributeValue.fromS(streamId),
            ":a", AttributeValue.fromN(Long.toString(fromSeq)), ":b", AttributeValue.fromN(Long.toString(toSeq))))
        .scanIndexForward(true).limit(limit).build();
    return run(q, limit);
  }

  private List<IndexedSegment> run(QueryRequest first, int limit) {
    List<IndexedSegment> out = new ArrayList<>();
    QueryRequest q = first;
    while (true) {
      QueryResponse page = dynamo.query(q);
      for (Map<String, AttributeValue> item : page.items()) {
        try {
          out.add(SegmentItems.fromItem(table, item));
        } catch (IndexReadException e) {
          // Skipped: the seq shows as missing, then as a gap; the rest of the playlist stays up.
          LOG.error("unreadable segment index item skipped: {}", e.getMessage());
        }
      }
      int read = out.size();
      if (!page.hasLastEvaluatedKey() || page.lastEvaluatedKey().isEmpty() || read >= limit) {
        return out;
      }
      // Only a DVR window above DynamoDB's 1 MB page continues the same Query.
      q = q.toBuilder().exclusiveStartKey(page.lastEvaluatedKey()).limit(limit - read).build();
    }
  }
}
