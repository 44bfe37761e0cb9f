package io.tributary.core.ecs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Against an HTTP server on 127.0.0.1 answering like the ECS agent: the metadata endpoint exists
 * only inside an ECS task, so the body is a response written in the documented v4 shape
 * ({@code ecs/task-metadata-v4-fargate.json}; ECS developer guide, "Task metadata v4 JSON
 * response" for Fargate), not one captured from a task.
 */
class EcsTaskMetadataTest {
  private HttpServer server;
  private final List<String> paths = new ArrayList<>();

  private String serve(int status, String body) throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", x -> {
      paths.add(x.getRequestURI().getPath());
      byte[] b = body.getBytes(StandardCharsets.UTF_8);
      x.sendResponseHeaders(status, b.length);
      x.getResponseBody().write(b);
      x.close();
    });
    server.start();
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/v4/6c2f1a9e-0b7d-4e53";
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop(0);
    }
  }

  private static String fixture() throws IOException {
    try (InputStream in = EcsTaskMetadataTest.class.getResourceAsStream("/ecs/task-metadata-v4-fargate.json")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void readsTheTaskArnFromTheTaskPath() throws IOException {
    String base = serve(200, fixture());
    EcsTaskArn arn = EcsTaskMetadata.taskArn(Map.of(EcsTaskMetadata.ENV, base)).orElseThrow();
    assertEquals("4f1e2d3c4b5a69788796a5b4c3d2e1f0", arn.taskId());
    assertEquals(Optional.of("tributary-Cluster-EXAMPLE"), arn.cluster());
    assertEquals(List.of("/v4/6c2f1a9e-0b7d-4e53/task"), paths);
  }

  @Test
  void notOnEcsIsEmpty() {
    assertEquals(Optional.empty(), EcsTaskMetadata.taskArn(Map.of()));
    assertEquals(Optional.empty(), EcsTaskMetadata.taskArn(Map.of(EcsTaskMetadata.ENV, " ")));
  }

  @Test
  void anEndpointThatFailsIsAnErrorAfterThreeTries() throws IOException {
    String base = serve(500, "agent restarting");
    EcsMetadataException e = assertThrows(EcsMetadataException.class,
        () -> EcsTaskMetadata.taskArn(Map.of(EcsTaskMetadata.ENV, base)));
    assertEquals(3, paths.size());
    assertTrue(e.getMessage().contains("HTTP 500"), e.getMessage());
    assertEquals(base + "/task", e.endpoint().toString());
  }

  @Test
  void aBodyWithoutATaskArnIsAnError() throws IOException {
    String base = serve(200, "{\"Cluster\":\"c\",\"TaskARN\":\"not-an-arn\"}");
    EcsMetadataException e = assertThrows(EcsMetadataException.class,
        () -> EcsTaskMetadata.taskArn(Map.of(EcsTaskMetadata.ENV, base)));
    assertTrue(e.getMessage().contains("not an ECS task ARN: not-an-arn"), e.getMessage());
    assertEquals(1, paths.size(), "a bad body is not retried");
  }
}
