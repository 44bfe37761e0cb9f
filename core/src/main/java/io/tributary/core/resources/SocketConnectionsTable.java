package io.tributary.core.resources;

/**
 * Live-status WebSocket connections of the API Gateway WebSocket API (AWS only; the local server
 * keeps its sockets in memory): one item per connection, found by stream through {@link #BY_STREAM}
 * when a change is pushed, expiring by TTL after API Gateway's two-hour connection limit.
 */
public final class SocketConnectionsTable {
  /** S: API Gateway's connection id. */
  public static final String CONNECTION_ID = "connectionId";
  public static final String STREAM_ID = "streamId";
  public static final String TENANT_ID = "tenantId";
  /** N: epoch ms. */
  public static final String CONNECTED_AT = "connectedAt";
  /** N: epoch seconds; a connection lives at most 2 h (API Gateway quota), so stale items expire. */
  public static final String EXPIRES_AT = "expiresAt";
  public static final String BY_STREAM = "byStream";

  private SocketConnectionsTable() {}
}
