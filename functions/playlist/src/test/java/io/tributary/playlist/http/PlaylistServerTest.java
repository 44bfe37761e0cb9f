package io.tributary.playlist.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.tributary.core.id.SessionId;
import io.tributary.core.id.StreamId;
import io.tributary.core.media.FfmpegLocator;
import io.tributary.core.playback.PlaybackTokens;
import io.tributary.local.aws.LocalAws;
import io.tributary.local.aws.LocalAwsExtension;
import io.tributary.playlist.PlaylistServer;
import io.tributary.playlist.manifest.HlsValidator;
import io.tributary.playlist.manifest.MpdValidator;
import io.tributary.playlist.media.CmafFixture;
import io.tributary.playlist.media.LiveFeed;
import io.tributary.playlist.service.PlaylistConfig;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The local Netty server over the local AWS with real CMAF segments: HTTP semantics (content
 * types, CORS, Cache-Control, tokens on manifests and segments), mechanical validation of every
 * manifest served, and ffprobe opening the master playlist and the MPD over HTTP.
 */
@ExtendWith(LocalAwsExtension.class)
class PlaylistServerTest {
  static final String SECRET = "test-playback-secret-of-at-least-32-bytes!";
  private static ApplicationContext server;
  private static URI base;
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @BeforeAll
  static void start(LocalAws aws) {
    Map<String, String> env = new HashMap<>(aws.env());
    env.put(PlaylistConfig.ENV_PORT, "0");
    env.put(PlaylistConfig.ENV_SECRET, SECRET);
    server = PlaylistServer.start(env);
    base = server.getBean(EmbeddedServer.class).getURI();
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  static HttpResponse<byte[]> get(String path) throws IOException, InterruptedException {
    return HTTP.send(HttpRequest.newBuilder(base.resolve(path)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  static String text(HttpResponse<byte[]> r) {
    return new String(r.body(), StandardCharsets.UTF_8);
  }

  private static String feed(LocalAws aws, boolean privateStream, int segments, boolean ended) {
    String streamId = StreamId.random().value();
    // The newest segment ends 2 s from now: a slow machine stays well inside the 3x target
    // duration stale limit while the test reads the live manifests.
    long started = System.currentTimeMillis() - segments * CmafFixture.SEGMENT_MS + 2000;
    String sessionId = SessionId.startingAt(Instant.ofEpochMilli(started)).value();
    LiveFeed feed = new LiveFeed(aws.clients().s3(), aws.clients().dynamo(), aws.names(), streamId, sessionId, started);
    feed.begin(privateStream, 0);
    for (int i = 0; i < segments; i++) {
      feed.publish(i, ended && i == segments - 1);
    }
    return streamId;
  }

  @Test
  void liveManifestsAndSegmentsOverHttp(LocalAws aws) throws Exception {
    String id = feed(aws, false, 4, false);
    HttpResponse<byte[]> master = get("/live/" + id + "/master.m3u8");
    assertEquals(200, master.statusCode(), text(master));
    assertEquals("application/vnd.apple.mpegurl", master.headers().firstValue("Content-Type").orElse(""));
    assertEquals("*", master.headers().firstValue("Access-Control-Allow-Origin").orElse(""));
    assertEquals("public, max-age=1", master.headers().firstValue("Cache-Control").orElse(""),
        "live manifests: at most half a 2 s segment");
    HlsValidator.Multivariant mv = HlsValidator.multivariant(text(master));
    assertEquals(2, mv.variants().size());
    List<String> playlists = new java.util.ArrayList<>(mv.variants().stream().map(HlsValidator.Variant::uri).toList());
    playlists.add("audio.m3u8");
    for (String p : playlists) {
      HttpResponse<byte[]> media = get("/live/" + id + "/" + p);
      assertEquals(200, media.statusCode(), p);
      HlsValidator.Media m = HlsValidator.media(text(media));
      assertEquals(4, m.segments().size());
      assertTrue(!m.endList());
      HlsValidator.Seg first = m.segments().get(0);
      String rendition = p.substring(0, p.length() - 5);
      HttpResponse<byte[]> seg = get("/live/" + id + "/" + first.uri());
      assertEquals(200, seg.statusCode(), first.uri());
      assertEquals("public, max-age=31536000, immutable", seg.headers().firstValue("Cache-Control").orElse(""));
      assertEquals("*", seg.headers().firstValue("Access-Control-Allow-Origin").orElse(""));
      assertEquals("video/iso.segment", seg.headers().firstValue("Content-Type").orElse(""));
      assertArrayEquals(CmafFixture.rungs().get(rendition).segments().get(0), seg.body());
      String map = first.map().replace("\"", "");
      HttpResponse<byte[]> init = get("/live/" + id + "/" + map);
      assertEquals(200, init.statusCode(), map);
      assertArrayEquals(CmafFixture.rungs().get(rendition).init(), init.body());
    }
    HttpResponse<byte[]> mpd = get("/live/" + id + "/manifest.mpd");
    assertEquals(200, mpd.statusCode());
    assertEquals("application/dash+xml", mpd.headers().firstValue("Content-Type").orElse(""));
    MpdValidator.Parsed parsed = MpdValidator.validate(text(mpd));
    assertTrue(parsed.dynamic());
    assertEquals(java.util.Set.of("video", "audio"), parsed.contentTypes());
    for (MpdValidator.Addressed a : parsed.segments()) {
      if (a.number() == 3) {
        assertEquals(200, get("/live/" + id + "/" + a.url()).statusCode(), a.url());
      }
    }
    HttpResponse<byte[]> missing = get("/live/" + StreamId.random().value() + "/master.m3u8");
    assertEquals(404, missing.statusCode());
    assertEquals("public, max-age=1", missing.headers().firstValue("Cache-Control").orElse(""));
    assertEquals(404, get("/live/" + id + "/source/99.m4s").statusCode());
    HttpResponse<byte[]> preflight = HTTP.send(HttpRequest.newBuilder(base.resolve("/live/" + id + "/source/0.m4s"))
        .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).header("Origin", "https://player.example")
        .header("Access-Control-Request-Method", "GET").header("Access-Control-Request-Headers", "range").build(),
        HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(204, preflight.statusCode());
    assertEquals("*", preflight.headers().firstValue("Access-Control-Allow-Origin").orElse(""));
    assertTrue(preflight.headers().firstValue("Access-Control-Allow-Headers").orElse("").contains("Range"));
    HttpResponse<byte[]> crossOrigin = HTTP.send(HttpRequest.newBuilder(base.resolve("/live/" + id + "/master.m3u8"))
        .header("Origin", "https://player.example").build(), HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(200, crossOrigin.statusCode(), "a player on another origin is served");
    assertEquals(List.of("*"), crossOrigin.headers().allValues("Access-Control-Allow-Origin"));
    HttpResponse<byte[]> metrics = get("/metrics");
    assertTrue(text(metrics).contains("tributary_playlist_requests_total{kind=\"master\",status=\"200\"}"),
        text(metrics));
    assertTrue(text(metrics).contains("tributary_playlist_live_edge_age_seconds "), "a live manifest reports its edge age");
    assertEquals("ok", text(get("/health")));
    HttpResponse<byte[]> watch = get("/watch/" + id);
    assertTrue(text(watch).contains("../live/" + id + "/"), "watch page points at the stream");
    HttpResponse<byte[]> js = get("/watch/assets/hls.min.js");
    assertEquals(200, js.statusCode());
    assertTrue(js.body().length > 100_000, "hls.js vendored into the jar");
    assertEquals(200, get("/watch/assets/dash.all.min.js").statusCode());
  }

  @Test
  void privateStreamsNeedAValidTokenForManifestsAndSegments(LocalAws aws) throws Exception {
    String id = feed(aws, true, 3, false);
    String token = PlaybackTokens.fromSecret(SECRET).issue(id, Instant.now().plusSeconds(600));
    String expired = PlaybackTokens.fromSecret(SECRET).issue(id, Instant.now().minusSeconds(1));
    String otherStream = PlaybackTokens.fromSecret(SECRET).issue(StreamId.random().value(), Instant.now().plusSeconds(600));
    assertEquals(401, get("/live/" + id + "/master.m3u8").statusCode());
    assertEquals(403, get("/live/" + id + "/master.m3u8?token=" + expired).statusCode());
    assertEquals(403, get("/live/" + id + "/master.m3u8?token=" + otherStream).statusCode());
    HttpResponse<byte[]> master = get("/live/" + id + "/master.m3u8?token=" + token);
    assertEquals(200, master.statusCode());
    String body = text(master);
    assertTrue(!text(get("/live/" + id + "/master.m3u8")).contains(token), "refusals never echo tokens");
    for (HlsValidator.Variant v : HlsValidator.multivariant(body).variants()) {
      assertTrue(v.uri().contains("token=" + token), v.uri());
      HlsValidator.Media m = HlsValidator.media(text(get("/live/" + id + "/" + v.uri())));
      for (HlsValidator.Seg s : m.segments()) {
        assertTrue(s.uri().endsWith("?token=" + token) && s.map().contains("?token=" + token), s.toString());
        assertEquals(200, get("/live/" + id + "/" + s.uri()).statusCode());
        String bare = s.uri().substring(0, s.uri().indexOf('?'));
        assertEquals(401, get("/live/" + id + "/" + bare).statusCode(), "segments are enforced locally too");
        assertEquals(403, get("/live/" + id + "/" + bare + "?token=" + expired).statusCode());
      }
    }
    assertTrue(text(get("/live/" + id + "/manifest.mpd?token=" + token)).contains("?token=" + token));
  }

  @Test
  void ffprobeOpensTheMasterPlaylistAndTheMpd(LocalAws aws) throws Exception {
    String id = feed(aws, false, 4, true);
    for (String manifest : List.of("master.m3u8", "manifest.mpd")) {
      String url = base.resolve("/live/" + id + "/" + manifest).toString();
      Process p = new ProcessBuilder(FfmpegLocator.binaries().ffprobe().toString(), "-v", "error",
          "-rw_timeout", "10000000", "-show_entries", "stream=codec_type,codec_name,width,height", "-of", "csv=p=0",
          url).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertTrue(p.waitFor(60, TimeUnit.SECONDS), "ffprobe finished on " + manifest);
      assertEquals(0, p.exitValue(), manifest + ": " + out);
      assertTrue(out.contains("h264,video,320,180"), manifest + ": " + out);
      assertTrue(out.contains("aac,audio"), manifest + ": " + out);
    }
  }
}
