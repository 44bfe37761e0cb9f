package io.tributary.ingest.testing;

import io.tributary.core.id.StreamId;
import io.tributary.core.keys.StreamKeys;
import io.tributary.core.resources.KeysTable;
import io.tributary.core.resources.StreamsTable;
import io.tributary.local.aws.LocalAws;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Creates a stream and a key the way the management API stores them (core table classes), so
 * ingest tests do not depend on the API module.
 */
public final class TestStreams {
  private TestStreams() {}

  /** A created stream and its plaintext key (shown once, as the API would). */
  public record Created(StreamId streamId, String key, String keyId) {}

  public static Created create(LocalAws aws, int segmentMs, String ladder, boolean recording) {
    StreamId id = StreamId.random();
    long now = System.currentTimeMillis();
    Map<String, AttributeValue> stream = new HashMap<>();
    stream.put(StreamsTable.STREAM_ID, AttributeValue.fromS(id.value()));
    stream.put(StreamsTable.TENANT_ID, AttributeValue.fromS("t_test"));
    stream.put(StreamsTable.NAME, AttributeValue.fromS("test stream"));
    stream.put(StreamsTable.SEGMENT_DURATION_MS, AttributeValue.fromN(Integer.toString(segmentMs)));
    stream.put(StreamsTable.LADDER, AttributeValue.fromS(ladder));
    stream.put(StreamsTable.RECORDING, AttributeValue.fromBool(recording));
    stream.put(StreamsTable.CREATED_AT, AttributeValue.fromN(Long.toString(now)));
    stream.put(StreamsTable.STATE, AttributeValue.fromS("IDLE"));
    aws.clients().dynamo().putItem(b -> b.tableName(aws.names().streamsTable()).item(stream));
    String key = StreamKeys.generate();
    String keyId = addKey(aws, id, key);
    return new Created(id, key, keyId);
  }

  public static String addKey(LocalAws aws, StreamId id, String key) {
    String keyId = "key_" + StreamKeys.last4(key).toLowerCase();
    Map<String, AttributeValue> item = new HashMap<>();
    item.put(KeysTable.KEY_HASH, AttributeValue.fromS(StreamKeys.hash(key)));
    item.put(KeysTable.STREAM_ID, AttributeValue.fromS(id.value()));
    item.put(KeysTable.KEY_ID, AttributeValue.fromS(keyId));
    item.put(KeysTable.LAST4, AttributeValue.fromS(StreamKeys.last4(key)));
    item.put(KeysTable.CREATED_AT, AttributeValue.fromN(Long.toString(System.currentTimeMillis())));
    aws.clients().dynamo().putItem(b -> b.tableName(aws.names().keysTable()).item(item));
    return keyId;
  }

  public static void revoke(LocalAws aws, String key) {
    aws.clients().dynamo().updateItem(b -> b.tableName(aws.names().keysTable())
        .key(Map.of(KeysTable.KEY_HASH, AttributeValue.fromS(StreamKeys.hash(key))))
        .updateExpression("SET #r = :r")
        .expressionAttributeNames(Map.of("#r", KeysTable.REVOKED_AT))
        .expressionAttributeValues(Map.of(":r", AttributeValue.fromN(Long.toString(System.currentTimeMillis())))));
  }

  public static Map<String, AttributeValue> streamItem(LocalAws aws, StreamId id) {
    return aws.clients().dynamo().getItem(b -> b.tableName(aws.names().streamsTable()).consistentRead(true)
        .key(Map.of(StreamsTable.STREAM_ID, AttributeValue.fromS(id.value())))).item();
  }
}
