package io.tributary.api.idempotency;

import io.tributary.core.resources.IdempotencyTable;
import io.tributary.core.resources.ResourceNames;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

@Singleton
public class DynamoIdempotencyRepository implements IdempotencyRepository {
  private final DynamoDbClient dynamo;
  private final String table;

  public DynamoIdempotencyRepository(DynamoDbClient dynamo, ResourceNames names) {
    this.dynamo = dynamo;
    this.table = names.idempotencyTable();
  }

  @Override
  public boolean claim(IdempotencyRecord pending) {
    try {
      // An expired record counts as absent: DynamoDB's TTL sweep may lag by days.
      dynamo.putItem(b -> b.tableName(table).item(toItem(pending))
          .conditionExpression("attribute_not_exists(#id) OR #exp < :now")
          .expressionAttributeNames(Map.of("#id", IdempotencyTable.ID, "#exp", IdempotencyTable.EXPIRES_AT))
          .expressionAttributeValues(Map.of(":now", AttributeValue.fromN(Long.toString(System.currentTimeMillis() / 1000)))));
      return true;
    } catch (ConditionalCheckFailedException e) {
      return false;
    }
  }

  @Override
  public Optional<IdempotencyRecord> find(String id) {
    var item = dynamo.getItem(b -> b.tableName(table).key(Map.of(IdempotencyTable.ID, AttributeValue.fromS(id)))
        .consistentRead(true)).item();
    if (item == null || item.isEmpty()) {
      return Optional.empty();
    }
    IdempotencyRecord r = fromItem(item);
    // TTL deletion lags by up to days in DynamoDB; an expired record is treated as absent.
    return r.expiresAt() * 1000 < System.currentTimeMillis() ? Optional.empty() : Optional.of(r);
  }

  @Override
  public void complete(String id, int status, String body) {
    dynamo.updateItem(b -> b.tableName(table).key(Map.of(IdempotencyTable.ID, AttributeValue.fromS(id)))
        .updateExpression("SET #st = :st, #b = :b")
        .expressionAttributeNames(Map.of("#st", IdempotencyTable.STATUS, "#b", IdempotencyTable.BODY))
        .expressionAttributeValues(Map.of(":st", AttributeValue.fromN(Integer.toString(status)),
            ":b", AttributeValue.fromS(body))));
  }

  static Map<String, AttributeValue> toItem(IdempotencyRecord r) {
    return Map.of(IdempotencyTable.ID, AttributeValue.fromS(r.id()),
        IdempotencyTable.REQUEST_HASH, AttributeValue.fromS(r.requestHash()),
        IdempotencyTable.STATUS, AttributeValue.fromN(Integer.toString(r.status())),
        IdempotencyTable.BODY, AttributeValue.fromS(r.body()),
        IdempotencyTable.EXPIRES_AT, AttributeValue.fromN(Long.toString(r.expiresAt())));
  }

  static IdempotencyRecord fromItem(Map<String, AttributeValue> item) {
    return new IdempotencyRecord(item.get(IdempotencyTable.ID).s(), item.get(IdempotencyTable.REQUEST_HASH).s(),
        Integer.parseInt(item.get(IdempotencyTable.STATUS).n()), item.get(IdempotencyTable.BODY).s(),
        Long.parseLong(item.get(IdempotencyTable.EXPIRES_AT).n()));
  }
}
