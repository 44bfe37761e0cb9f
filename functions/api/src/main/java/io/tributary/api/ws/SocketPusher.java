package io.tributary.api.ws;

import io.tributary.api.events.StreamEvent;
import io.tributary.api.events.StreamEventJson;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.apigatewaymanagementapi.ApiGatewayManagementApiClient;
import software.amazon.awssdk.services.apigatewaymanagementapi.model.GoneException;

/**
 * AWS: pushes stream events to the API Gateway WebSocket connections of their stream with
 * PostToConnection. A connection API Gateway reports gone (410) is removed; any other failure is
 * logged and skipped — the push is a convenience, EventBridge is the delivery that is retried.
 */
public final class SocketPusher {
  private static final Logger LOG = LoggerFactory.getLogger(SocketPusher.class);

  private final ApiGatewayManagementApiClient api;
  private final SocketConnections connections;

  public SocketPusher(ApiGatewayManagementApiClient api, SocketConnections connections) {
    this.api = api;
    this.connections = connections;
  }

  /** @return what happened: messages delivered, connections found gone, other failures */
  public Result push(List<StreamEvent> events) {
    Map<String, List<StreamEvent>> byStream = new LinkedHashMap<>();
    events.forEach(e -> byStream.computeIfAbsent(e.streamId(), k -> new java.util.ArrayList<>()).add(e));
    int sent = 0;
    int gone = 0;
    int failed = 0;
    for (var entry : byStream.entrySet()) {
      List<String> ids;
      try {
        ids = connections.of(entry.getKey());
      } catch (SdkException e) {
        LOG.warn("cannot read the WebSocket connections of {}: {}", entry.getKey(), e.toString());
        failed += entry.getValue().size();
        continue;
      }
      for (String id : ids) {
        for (StreamEvent e : entry.getValue()) {
          try {
            api.postToConnection(b -> b.connectionId(id).data(SdkBytes.fromUtf8String(StreamEventJson.write(e))));
            sent++;
          } catch (GoneException g) {
            connections.remove(id);
            gone++;
            break;
          } catch (SdkException x) {
            LOG.warn("push of {} to a WebSocket connection failed: {}", e.type(), x.toString());
            failed++;
          }
        }
      }
    }
    return new Result(sent, gone, failed);
  }

  public record Result(int sent, int gone, int failed) {}
}
