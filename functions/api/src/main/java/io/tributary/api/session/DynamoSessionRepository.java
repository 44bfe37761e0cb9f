package io.tributary.api.session;

import io.tributary.core.resources.ResourceNames;
import io.tributary.core.resources.SessionsTable;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

@Singleton
public class DynamoSessionRepository implements SessionRepository {
  private final DynamoDbClient dynamo;
  private final String table;

  public DynamoSessionRepository(DynamoDbClient dynamo, ResourceNames names) {
    this.dynamo = dynamo;
    this.table = names.sessionsTable();
  }

  @Override
  public Optional<SessionRecord> find(String streamId, String sessionId) {
    var item = dynamo.getItem(b -> b.tableName(table).key(Map.of(SessionsTable.STREAM_ID, AttributeValue.fromS(streamId),
        SessionsTable.SESSION_ID, AttributeValue.fromS(sessionId)))).item();
    return item == null || item.isEmpty() ? Optional.empty() : Optional.of(fromItem(item));
  }

  @Override
  public List<SessionRecord> list(String streamId, int limit, Optional<String> beforeSessionId) {
    Map<String, String> names = new HashMap<>(Map.of("#s", SessionsTable.STREAM_ID));
    Map<String, AttributeValue> values = new HashMap<>(Map.of(":s", AttributeValue.fromS(streamId)));
    String condition = "#s = :s";
    if (beforeSessionId.isPresent()) {
      condition += " AND #id < :before";
      names.put("#id", SessionsTable.SESSION_ID);
      values.put(":before", AttributeValue.fromS(beforeSessionId.get()));
    }
    String cond = condition;
    return dynamo.query(b -> b.tableName(table).keyConditionExpression(cond).expressionAttributeNames(names)
        .expressionAttributeValues(values).scanIndexForward(false).limit(limit))
        .items().stream().map(DynamoSessionRepository::fromItem).toList();
  }

  static SessionRecord fromItem(Map<String, AttributeValue> item) {
    AttributeValue rec = item.get(SessionsTable.RECORDING);
    Optional<Boolean> recording = rec == null ? Optional.empty()
        : Optional.of(rec.bool() != null ? rec.bool() : "TRUE".equalsIgnoreCase(rec.s()));
    return new SessionRecord(item.get(SessionsTable.STREAM_ID).s(), item.get(SessionsTable.SESSION_ID).s(),
        str(item, SessionsTable.STATE).orElse("LIVE"), num(item, SessionsTable.STARTED_AT).orElse(0L),
        num(item, SessionsTable.ENDED_AT), str(item, SessionsTable.END_REASON), str(item, SessionsTable.KEY_ID),
        num(item, SessionsTable.FIRST_SEQ), num(item, SessionsTable.LAST_SEQ), recording);
  }

  private static Optional<String> str(Map<String, AttributeValue> item, String name) {
    AttributeValue v = item.get(name);
    return v == null || v.s() == null ? Optional.empty() : Optional.of(v.s());
  }

  private static Optional<Long> num(Map<String, AttributeValue> item, String name) {
    AttributeValue v = item.get(name);
    return v == null || v.n() == null ? Optional.empty() : Optional.of(new BigDecimal(v.n()).longValue());
  }
}
