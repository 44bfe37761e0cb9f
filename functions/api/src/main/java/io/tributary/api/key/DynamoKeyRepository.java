package io.tributary.api.key;

import io.tributary.core.resources.KeysTable;
import io.tributary.core.resources.ResourceNames;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

@Singleton
public class DynamoKeyRepository implements KeyRepository {
  private final DynamoDbClient dynamo;
  private final String table;

  public DynamoKeyRepository(DynamoDbClient dynamo, ResourceNames names) {
    this.dynamo = dynamo;
    this.table = names.keysTable();
  }

  @Override
  public void create(KeyRecord key) {
    // 256 random bits never collide in practice; the condition makes a collision an error, not an overwrite.
    dynamo.putItem(b -> b.tableName(table).item(toItem(key))
        .conditionExpression("attribute_not_exists(#h)").expressionAttributeNames(Map.of("#h", KeysTable.KEY_HASH)));
  }

  @Override
  public List<KeyRecord> listByStream(String streamId) {
    List<KeyRecord> out = new ArrayList<>();
    Map<String, AttributeValue> start = null;
    do {
      Map<String, AttributeValue> from = start;
      var res = dynamo.query(b -> b.tableName(table).indexName(KeysTable.BY_STREAM)
          .keyConditionExpression("#s = :s").expressionAttributeNames(Map.of("#s", KeysTable.STREAM_ID))
          .expressionAttributeValues(Map.of(":s", AttributeValue.fromS(streamId))).scanIndexForward(false)
          .limit(MAX_LISTED).exclusiveStartKey(from));
      res.items().forEach(i -> out.add(fromItem(i)));
      start = res.hasLastEvaluatedKey() && !res.lastEvaluatedKey().isEmpty() ? res.lastEvaluatedKey() : null;
    } while (start != null && out.size() < MAX_LISTED);
    return out.size() > MAX_LISTED ? out.subList(0, MAX_LISTED) : out;
  }

  @Override
  public boolean revoke(String keyHash, long now) {
    try {
      dynamo.updateItem(b -> b.tableName(table).key(Map.of(KeysTable.KEY_HASH, AttributeValue.fromS(keyHash)))
          .updateExpression("SET #r = :now").conditionExpression("attribute_exists(#h) AND attribute_not_exists(#r)")
          .expressionAttributeNames(Map.of("#r", KeysTable.REVOKED_AT, "#h", KeysTable.KEY_HASH))
          .expressionAttributeValues(Map.of(":now", AttributeValue.fromN(Long.toString(now)))));
      return true;
    } catch (ConditionalCheckFailedException e) {
      return false;
    }
  }

  static Map<String, AttributeValue> toItem(KeyRecord k) {
    Map<String, AttributeValue> item = new HashMap<>();
    item.put(KeysTable.KEY_HASH, AttributeValue.fromS(k.keyHash()));
    item.put(KeysTable.KEY_ID, AttributeValue.fromS(k.keyId()));
    item.put(KeysTable.STREAM_ID, AttributeValue.fromS(k.streamId()));
    item.put(KeysTable.LAST4, AttributeValue.fromS(k.last4()));
    item.put(KeysTable.CREATED_AT, AttributeValue.fromN(Long.toString(k.createdAt())));
    k.lastUsedAt().ifPresent(v -> item.put(KeysTable.LAST_USED_AT, AttributeValue.fromN(Long.toString(v))));
    k.revokedAt().ifPresent(v -> item.put(KeysTable.REVOKED_AT, AttributeValue.fromN(Long.toString(v))));
    return item;
  }

  static KeyRecord fromItem(Map<String, AttributeValue> item) {
    return new KeyRecord(item.get(KeysTable.KEY_HASH).s(), item.get(KeysTable.KEY_ID).s(),
        item.get(KeysTable.STREAM_ID).s(), item.get(KeysTable.LAST4).s(),
        Long.parseLong(item.get(KeysTable.CREATED_AT).n()), optLong(item, KeysTable.LAST_USED_AT),
        optLong(item, KeysTable.REVOKED_AT));
  }

  private static Optional<Long> optLong(Map<String, AttributeValue> item, String name) {
    AttributeValue v = item.get(name);
    return v == null || v.n() == null ? Optional.empty() : Optional.of(new java.math.BigDecimal(v.n()).longValue());
  }
}
