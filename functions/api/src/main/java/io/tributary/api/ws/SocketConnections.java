package io.tributary.api.ws;

import io.tributary.core.resources.ResourceNames;
import io.tributary.core.resources.SocketConnectionsTable;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The API Gateway WebSocket connections in DynamoDB: written on $connect (after the authorizer
 * admitted the caller for that stream), removed on $disconnect or when a push finds the
 * connection gone (410); TTL removes the ones neither saw.
 */
public final class SocketConnections {
  /** API Gateway closes a WebSocket connection after 2 h; an hour's margin for clock skew. */
  static final long TTL_S = 3 * 3600;
  /** Bound on the subscribers one push reaches (one Query page). */
  static final int MAX_PER_STREAM = 1000;

  private final DynamoDbClient dynamo;
  private final String table;

  public SocketConnections(DynamoDbClient dynamo, ResourceNames names) {
    this.dynamo = dynamo;
    this.table = names.socketsTable();
  }

  public void add(String connectionId, String streamId, String tenantId, long nowMs) {
    dynamo.putItem(b -> b.tableName(table).item(Map.of(
        SocketConnectionsTable.CONNECTION_ID, AttributeValue.fromS(connectionId),
        SocketConnectionsTable.STREAM_ID, AttributeValue.fromS(streamId),
        SocketConnectionsTable.TENANT_ID, AttributeValue.fromS(tenantId),
        SocketConnectionsTable.CONNECTED_AT, AttributeValue.fromN(Long.toString(nowMs)),
        SocketConnectionsTable.EXPIRES_AT, AttributeValue.fromN(Long.toString(nowMs / 1000 + TTL_S)))));
  }

  public void remove(String connectionId) {
    dynamo.deleteItem(b -> b.tableName(table)
        .key(Map.of(SocketConnectionsTable.CONNECTION_ID, AttributeValue.fromS(connectionId))));
  }

  /** Connection ids subscribed to a stream, at most {@value #MAX_PER_STREAM}. */
  public List<String> of(String streamId) {
    return dynamo.query(b -> b.tableName(table).indexName(SocketConnectionsTable.BY_STREAM)
            .keyConditionExpression("#s = :s")
            .expressionAttributeNames(Map.of("#s", SocketConnectionsTable.STREAM_ID))
            .expressionAttributeValues(Map.of(":s", AttributeValue.fromS(streamId)))
            .limit(MAX_PER_STREAM))
        .items().stream().map(i -> i.get(SocketConnectionsTable.CONNECTION_ID).s()).toList();
  }
}
