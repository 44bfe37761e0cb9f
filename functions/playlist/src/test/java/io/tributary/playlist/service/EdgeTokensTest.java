package io.tributary.playlist.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.playlist.plan.PlanSettings;
import io.tributary.core.playback.PlaybackTokens;
import io.tributary.playlist.plan.GoldenCase;
import io.tributary.playlist.plan.IndexedSegment;
import io.tributary.playlist.plan.StreamConfig;
import io.tributary.playlist.store.SegmentIndex;
import io.tributary.playlist.store.StreamCatalog;
import io.tributary.playlist.store.StreamView;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * With CloudFront checking a token on every media request, every segment and init URI carries
 * one: the viewer's for a private stream, one the service issues for a public stream.
 */
class EdgeTokensTest {
  private static final String SECRET = "k".repeat(40);
  private static final PlaybackTokens TOKENS = PlaybackTokens.fromSecret(SECRET);
  private static final Pattern MEDIA_URI = Pattern.compile("(?:URI=\"|\\n|media=\"|initialization=\")"
      + "([^\"\\n#][^\"\\n]*?(?:\\.m4s|\\.mp4|\\$Number\\$\\.m4s)[^\"\\n]*)");

  /** Hand-written fakes of our own store interfaces: the index and catalog hold one golden case. */
  private static ManifestService service(boolean edgeTokens, boolean privateStream, GoldenCase c, long now) {
    SegmentIndex index = new SegmentIndex() {
      @Override
      public List<IndexedSegment> newest(String streamId, int limit) {
        return c.segments();
      }

      @Override
      public List<IndexedSegment> range(String streamId, long fromSeq, long toSeq, int limit) {
        return c.segments();
      }
    };
    StreamView view = new StreamView(new StreamConfig(privateStream, 0, 2000), c.sessions(), now);
    StreamCatalog catalog = new StreamCatalog() {
      @Override
      public Optional<StreamView> get(String streamId) {
        return Optional.of(view);
      }

      @Override
      public Optional<StreamView> refresh(String streamId) {
        return Optional.of(view);
      }
    };
    PlaylistConfig config = new PlaylistConfig("127.0.0.1", 0, 6, 2000, Optional.of(SECRET), false, 86_400, false,
        PlanSettings.DEFAULT.cutOverrunMs(), edgeTokens);
    return new ManifestService(config, index, catalog, Optional.of(TOKENS), () -> now, new PlaylistMetrics());
  }

  private static List<String> mediaUris(String manifest) {
    List<String> out = new ArrayList<>();
    Matcher m = MEDIA_URI.matcher(manifest);
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }

  private static String tokenOf(String uri) {
    int i = uri.indexOf("?token=");
    return i < 0 ? null : uri.substring(i + "?token=".length());
  }

  @Test
  void aPublicStreamsMediaUrisCarryAnIssuedTokenForThatStream() {
    GoldenCase c = GoldenCase.load("first-segment");
    long now = c.request().nowMs();
    String stream = c.request().streamId();
    ManifestService s = service(true, false, c, now);
    ViewerQuery none = new ViewerQuery(Optional.empty(), Optional.empty(), Optional.empty());
    String master = s.live(stream, "master.m3u8", none).body();
    assertFalse(master.contains("token="), "media playlists of a public stream need no token:\n" + master);
    String media = s.live(stream, "360p.m3u8", none).body();
    String mpd = s.live(stream, "manifest.mpd", none).body();
    List<String> uris = new ArrayList<>(mediaUris(media));
    uris.addAll(mediaUris(mpd));
    assertTrue(uris.size() >= 4, "init and segments of HLS and DASH: " + uris);
    String token = tokenOf(uris.get(0));
    for (String uri : uris) {
      assertEquals(token, tokenOf(uri), uri);
    }
    Instant at = Instant.ofEpochMilli(now);
    assertTrue(TOKENS.verify(stream, token, at), token);
    assertTrue(TOKENS.verify(stream, token, at.plusSeconds(86_400 + 6 * 3600 - 1)), "outlives a cached VOD manifest");
    assertFalse(TOKENS.verify("st_bbbbbbbbbbbbbbbbbbbb", token, at), "bound to its stream");
    // Requests in the same hour share the token, so CloudFront and players see one manifest.
    String later = service(true, false, c, now + 1000).live(stream, "360p.m3u8", none).body();
    assertEquals(token, tokenOf(mediaUris(later).get(0)));
  }

  @Test
  void aPrivateStreamsMediaUrisCarryTheViewersToken() {
    GoldenCase c = GoldenCase.load("private");
    long now = c.request().nowMs();
    String stream = c.request().streamId();
    String viewer = TOKENS.issue(stream, Instant.ofEpochMilli(now).plusSeconds(600));
    ViewerQuery q = new ViewerQuery(Optional.of(viewer), Optional.empty(), Optional.empty());
    ManifestService s = service(true, true, c, now);
    for (String file : List.of("360p.m3u8", "manifest.mpd")) {
      List<String> uris = mediaUris(s.live(stream, file, q).body());
      assertFalse(uris.isEmpty());
      uris.forEach(u -> assertEquals(viewer, tokenOf(u), u));
    }
    assertTrue(s.live(stream, "master.m3u8", q).body().contains("360p.m3u8?token=" + viewer));
  }

  @Test
  void edgeTokensWithoutTheSecretRefuseToStart() {
    IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> PlaylistConfig.fromEnv(java.util.Map.of(PlaylistConfig.ENV_EDGE_TOKENS, "true")));
    assertTrue(e.getMessage().contains(PlaylistConfig.ENV_SECRET), e.getMessage());
  }

  @Test
  void withoutEdgeChecksPublicMediaUrisStayBare() {
    GoldenCase c = GoldenCase.load("first-segment");
    ManifestService s = service(false, false, c, c.request().nowMs());
    ViewerQuery none = new ViewerQuery(Optional.empty(), Optional.empty(), Optional.empty());
    List<String> uris = mediaUris(s.live(c.request().streamId(), "360p.m3u8", none).body());
    assertFalse(uris.isEmpty());
    uris.forEach(u -> assertEquals(null, tokenOf(u), u));
  }
}
