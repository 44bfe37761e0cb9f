package io.tributary.api.auth;

import io.tributary.core.resources.ResourceNames;
import io.tributary.core.resources.TokensTable;
import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

@Singleton
public class DynamoTokenRepository implements TokenRepository {
  /** Not 64 hex characters, so it can never be the hash of a real token. */
  static final String BOOTSTRAP_MARKER = "bootstrap#admin";

  private final DynamoDbClient dynamo;
  private final String table;

  public DynamoTokenRepository(DynamoDbClient dynamo, ResourceNames names) {
    this.dynamo = dynamo;
    this.table = names.tokensTable();
  }

  @Override
  public Optional<ApiToken> find(String tokenHash) {
    var item = dynamo.getItem(b -> b.tableName(table).key(Map.of(TokensTable.TOKEN_HASH, s(tokenHash)))).item();
    return item == null || item.isEmpty() ? Optional.empty() : Optional.of(fromItem(item));
  }

  @Override
  public boolean putIfAbsent(ApiToken token) {
    return conditionalPut(toItem(token));
  }

  @Override
  public boolean claimBootstrap(String tokenHash, long now) {
    return conditionalPut(Map.of(TokensTable.TOKEN_HASH, s(BOOTSTRAP_MARKER), TokensTable.NAME, s(tokenHash),
        TokensTable.CREATED_AT, n(now)));
  }

  private boolean conditionalPut(Map<String, AttributeValue> item) {
    try {
      dynamo.putItem(b -> b.tableName(table).item(item)
          .conditionExpression("attribute_not_exists(#h)").expressionAttributeNames(Map.of("#h", TokensTable.TOKEN_HASH)));
      return true;
    } catch (ConditionalCheckFailedException e) {
      return false;
    }
  }

  static Map<String, AttributeValue> toItem(ApiToken t) {
    Map<String, AttributeValue> item = new HashMap<>();
    item.put(TokensTable.TOKEN_HASH, s(t.tokenHash()));
    item.put(TokensTable.TENANT_ID, s(t.tenantId()));
    item.put(TokensTable.NAME, s(t.name()));
    item.put(TokensTable.CREATED_AT, n(t.createdAt()));
    t.revokedAt().ifPresent(r -> item.put(TokensTable.REVOKED_AT, n(r)));
    return item;
  }

  static ApiToken fromItem(Map<String, AttributeValue> item) {
    return new ApiToken(item.get(TokensTable.TOKEN_HASH).s(), item.get(TokensTable.TENANT_ID).s(),
        item.get(TokensTable.NAME).s(), Long.parseLong(item.get(TokensTable.CREATED_AT).n()),
        Optional.ofNullable(item.get(TokensTable.REVOKED_AT)).map(v -> Long.parseLong(v.n())));
  }

  private static AttributeValue s(String v) {
    return AttributeValue.fromS(v);
  }

  private static AttributeValue n(long v) {
    return AttributeValue.fromN(Long.toString(v));
  }
}
