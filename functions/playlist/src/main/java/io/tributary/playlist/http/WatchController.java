package io.tributary.playlist.http;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.tributary.core.id.StreamId;
import io.tributary.playlist.service.ManifestResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The viewer page {@code /watch/{streamId}}: hls.js by default, dash.js with {@code ?player=dash};
 * both players are vendored into the jar at build time (no CDN at runtime).
 */
@Controller("/watch")
public class WatchController {
  private static final Map<String, String> ASSET_TYPES = Map.of("hls.min.js", "text/javascript",
      "dash.all.min.js", "text/javascript");
  private final Map<String, byte[]> assets = new ConcurrentHashMap<>();

  @Get("/{streamId}")
  public MutableHttpResponse<?> page(@PathVariable String streamId) {
    if (!StreamId.isValid(streamId)) {
      return PlaylistController.http(ManifestResponse.notFound("no such stream"));
    }
    String html = new String(resource("watch/index.html"), StandardCharsets.UTF_8).replace("{{streamId}}", streamId);
    return HttpResponse.ok(html).contentType("text/html; charset=utf-8").header("Cache-Control", "public, max-age=60");
  }

  @Get("/assets/{name}")
  public MutableHttpResponse<?> asset(@PathVariable String name) {
    String type = ASSET_TYPES.get(name);
    if (type == null) {
      return PlaylistController.http(ManifestResponse.notFound("no such asset"));
    }
    byte[] body = assets.computeIfAbsent(name, n -> resource("watch/assets/" + n));
    return HttpResponse.ok(body).contentType(type).header("Cache-Control", "public, max-age=86400");
  }

  private static byte[] resource(String path) {
    try (InputStream in = WatchController.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + path + " (the build vendors the players with npm ci)");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
