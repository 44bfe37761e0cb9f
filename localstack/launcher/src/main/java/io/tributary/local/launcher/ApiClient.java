package io.tributary.local.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** The few management-API calls the launcher makes, over HTTP like any other client. */
final class ApiClient {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final URI base;
  private final String token;

  ApiClient(URI base, String token) {
    this.base = base;
    this.token = token;
  }

  /** The id of the tenant's stream with this name, creating it when absent. */
  String ensureStream(String name) {
    JsonNode page = call("GET", "/streams?limit=100", null);
    for (JsonNode s : page.path("items")) {
      if (name.equals(s.path("name").asText())) {
        return s.path("id").asText();
      }
    }
    return call("POST", "/streams", Map.of("name", name)).path("id").asText();
  }

  /** A fresh key for the stream: the one response that carries it. Returns the publish URL. */
  String newPublishUrl(String streamId) {
    return call("POST", "/streams/" + streamId + "/keys", Map.of()).path("publishUrl").asText();
  }

  private JsonNode call(String method, String path, Object body) {
    try {
      HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(15))
          .header("Authorization", "Bearer " + token).header("Accept", "application/json");
      if (body == null) {
        b.method(method, HttpRequest.BodyPublishers.noBody());
      } else {
        b.header("Content-Type", "application/json")
            .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
      }
      HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() / 100 != 2) {
        throw new LaunchException("API " + method + " " + path + " answered " + r.statusCode() + ": " + r.body());
      }
      return JSON.readTree(r.body());
    } catch (IOException e) {
      throw new LaunchException("API " + method + " " + path + " failed: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LaunchException("interrupted", e);
    }
  }
}
