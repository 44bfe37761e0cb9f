package io.tributary.playlist.http;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Options;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.tributary.core.id.SessionId;
import io.tributary.core.resources.MediaKeys;
import io.tributary.playlist.service.ManifestResponse;
import io.tributary.playlist.service.ManifestService;
import io.tributary.playlist.service.MediaStore;
import io.tributary.playlist.service.PlaylistConfig;
import io.tributary.playlist.service.PlaylistMetrics;
import io.tributary.playlist.service.ViewerQuery;
import io.tributary.playlist.service.ViewerRequestException;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.MDC;

/**
 * Manifests under {@code /live/} and {@code /vod/}, and (locally) the media they reference at the
 * same paths as the S3 keys ({@code MediaKeys}), so manifest URIs are relative and identical in AWS.
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
public class PlaylistController {
  private static final Pattern RENDITION = Pattern.compile("[a-z0-9]{1,16}");
  private static final Pattern SEGMENT = Pattern.compile("\\d{1,19}\\.m4s");
  private static final Pattern INIT = Pattern.compile("init-(.+)\\.mp4");
  /** Segments never change once written (deterministic keys): RFC 8246 immutable. */
  static final String IMMUTABLE = "public, max-age=31536000, immutable";

  private final ManifestService manifests;
  private final MediaStore media;
  private final PlaylistConfig config;
  private final PlaylistMetrics metrics;

  public PlaylistController(ManifestService manifests, MediaStore media, PlaylistConfig config,
                            PlaylistMetrics metrics) {
    this.manifests = manifests;
    this.media = media;
    this.config = config;
    this.metrics = metrics;
  }

  @Get("/live/{streamId}/{file}")
  public MutableHttpResponse<?> live(@PathVariable String streamId, @PathVariable String file,
                                     @Nullable @QueryValue String token, @Nullable @QueryValue String start,
                                     @Nullable @QueryValue String end) {
    MDC.put("streamId", streamId);
    try {
      if (file.equals("thumb.jpg")) {
        return mediaObject(streamId, MediaKeys.thumbnail(streamId), "image/jpeg", "public, max-age=5", token);
      }
      return http(manifests.live(streamId, file, query(token, start, end)));
    } finally {
      MDC.clear();
    }
  }

  @Get("/vod/{streamId}/{sessionId}/{file}")
  public MutableHttpResponse<?> vod(@PathVariable String streamId, @PathVariable String sessionId,
                                    @PathVariable String file, @Nullable @QueryValue String token,
                                    @Nullable @QueryValue String start, @Nullable @QueryValue String end) {
    MDC.put("streamId", streamId);
    MDC.put("sessionId", sessionId);
    try {
      return http(manifests.vod(streamId, sessionId, file, query(token, start, end)));
    } finally {
      MDC.clear();
    }
  }

  /** Segments and init segments: {@code /live/{streamId}/{rendition}/{seq}.m4s | init-{sessionId}.mp4}. */
  @Get("/live/{streamId}/{rendition}/{file}")
  public MutableHttpResponse<?> segment(@PathVariable String streamId, @PathVariable String rendition,
                                        @PathVariable String file, @Nullable @QueryValue String token) {
    MDC.put("streamId", streamId);
    try {
      if (!RENDITION.matcher(rendition).matches()) {
        return notFound("media");
      }
      String type = MediaKeys.AUDIO.equals(rendition) ? "audio/mp4" : "video/mp4";
      if (SEGMENT.matcher(file).matches()) {
        // ISO/IEC 23009-1 / RFC 8216: CMAF media segments; video/iso.segment is the registered type.
        long seq = Long.parseLong(file.substring(0, file.length() - 4));
        return mediaObject(streamId, MediaKeys.segment(streamId, rendition, seq), "video/iso.segment", IMMUTABLE, token);
      }
      var m = INIT.matcher(file);
      if (m.matches() && SessionId.isValid(m.group(1))) {
        return mediaObject(streamId, MediaKeys.init(streamId, rendition, m.group(1)), type, IMMUTABLE, token);
      }
      return notFound("media");
    } finally {
      MDC.clear();
    }
  }

  /** CORS preflight for players that send Range (4.3 of the Fetch standard). */
  @Options("/{+path}")
  public MutableHttpResponse<?> preflight(@PathVariable String path) {
    return HttpResponse.noContent().header("Access-Control-Max-Age", "86400");
  }

  @Get(value = "/metrics", produces = "text/plain; version=0.0.4")
  public String prometheus() {
    return metrics.prometheus();
  }

  /** Liveness for the launcher, load balancers and uptime checks; touches no AWS service. */
  @Get(value = "/health", produces = "text/plain")
  public String health() {
    return "ok";
  }

  private MutableHttpResponse<?> mediaObject(String streamId, String key, String type, String cache,
                                             @Nullable String token) {
    if (!config.serveMedia()) {
      return notFound("media");
    }
    try {
      if (manifests.authorize(streamId, Optional.ofNullable(token)).isEmpty()) {
        return notFound("media");
      }
    } catch (ViewerRequestException e) {
      metrics.request("media", e.status());
      return http(ManifestResponse.refused(e));
    }
    Optional<byte[]> bytes = media.get(key);
    if (bytes.isEmpty()) {
      return notFound("media");
    }
    metrics.request("media", 200);
    metrics.mediaBytes(bytes.get().length);
    return HttpResponse.ok(bytes.get()).contentType(type).header("Cache-Control", cache);
  }

  private MutableHttpResponse<?> notFound(String kind) {
    metrics.request(kind, 404);
    return http(ManifestResponse.notFound("not found"));
  }

  private static ViewerQuery query(String token, String start, String end) {
    return new ViewerQuery(Optional.ofNullable(token), Optional.ofNullable(start), Optional.ofNullable(end));
  }

  static MutableHttpResponse<?> http(ManifestResponse r) {
    return HttpResponse.status(HttpStatus.valueOf(r.status())).body(r.body()).contentType(r.contentType())
        .header("Cache-Control", r.cacheControl());
  }
}
