package io.tributary.core.ecs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Who this process is on ECS: the task ARN from the task metadata endpoint v4
 * ({@code GET ${ECS_CONTAINER_METADATA_URI_V4}/task}, field {@code TaskARN}; ECS developer guide,
 * "Amazon ECS task metadata endpoint version 4"). ECS sets the variable in every container of a
 * Fargate task (platform 1.4+); the id cannot be passed as a plain environment variable because
 * it exists only once the task does.
 */
public final class EcsTaskMetadata {
  public static final String ENV = "ECS_CONTAINER_METADATA_URI_V4";
  private static final int ATTEMPTS = 3;
  private static final ObjectMapper JSON = new ObjectMapper();

  private EcsTaskMetadata() {}

  /**
   * The task ARN when {@value #ENV} is set, empty when it is not (not on ECS).
   *
   * @throws EcsMetadataException when the endpoint is set but does not answer a task ARN after
   *     {@value #ATTEMPTS} tries: on ECS that is a fault worth failing the start for, not a reason
   *     to run under an id no ECS event will ever name
   */
  public static Optional<EcsTaskArn> taskArn(Map<String, String> env) {
    String base = env.get(ENV);
    if (base == null || base.isBlank()) {
      return Optional.empty();
    }
    URI uri = URI.create(base.strip().replaceAll("/+$", "") + "/task");
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    Exception last = null;
    for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
      try {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(3)).GET().build(),
            HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
          last = new IOException("HTTP " + r.statusCode());
        } else {
          return Optional.of(parse(uri, r.body()));
        }
      } catch (IOException e) {
        last = e;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new EcsMetadataException(uri, "interrupted", e);
      }
      if (attempt < ATTEMPTS) {
        sleep(attempt * 250L);
      }
    }
    throw new EcsMetadataException(uri, "no task metadata after " + ATTEMPTS + " attempts: " + last, last);
  }

  /** The {@code TaskARN} of a task metadata v4 response body. */
  static EcsTaskArn parse(URI uri, String body) {
    try {
      JsonNode arn = JSON.readTree(body).path("TaskARN");
      if (!arn.isTextual()) {
        throw new EcsMetadataException(uri, "task metadata without a TaskARN", null);
      }
      return EcsTaskArn.parse(arn.asText());
    } catch (IOException | IllegalArgumentException e) {
      throw new EcsMetadataException(uri, "unusable task metadata: " + e.getMessage(), e);
    }
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
