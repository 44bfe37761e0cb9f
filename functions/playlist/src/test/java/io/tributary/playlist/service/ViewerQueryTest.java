package io.tributary.playlist.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ViewerQueryTest {
  private static ViewerQuery start(String v) {
    return new ViewerQuery(Optional.empty(), Optional.of(v), Optional.empty());
  }

  @Test
  void clipBoundsInSecondsMillisecondsOrIso() {
    assertEquals(1_764_100_020_000L, start("1764100020").startMs().getAsLong());
    assertEquals(1_764_100_020_500L, start("1764100020500").startMs().getAsLong());
    assertEquals(1_764_100_020_000L, start("2025-11-25T19:47:00Z").startMs().getAsLong());
    assertTrue(ViewerQuery.NONE.startMs().isEmpty());
    var e = assertThrows(ViewerRequestException.class, () -> start("noon").startMs());
    assertEquals(400, e.status());
    assertTrue(e.getMessage().startsWith("start=noon"), e.getMessage());
  }

  @Test
  void configIsValidatedWithTheVariableName() {
    PlaylistConfig d = PlaylistConfig.fromEnv(Map.of());
    assertEquals(8082, d.port());
    assertEquals("127.0.0.1", d.host());
    assertEquals(6, d.liveWindowSegments());
    assertTrue(d.serveMedia() && d.eagerInit() && d.playbackSecret().isEmpty());
    var port = assertThrows(IllegalArgumentException.class,
        () -> PlaylistConfig.fromEnv(Map.of(PlaylistConfig.ENV_PORT, "http")));
    assertTrue(port.getMessage().contains("TRIBUTARY_PLAYLIST_PORT=http"), port.getMessage());
    var secret = assertThrows(IllegalArgumentException.class,
        () -> PlaylistConfig.fromEnv(Map.of(PlaylistConfig.ENV_SECRET, "short")));
    assertTrue(secret.getMessage().contains("TRIBUTARY_PLAYBACK_SECRET"), secret.getMessage());
    var ttl = assertThrows(IllegalArgumentException.class,
        () -> PlaylistConfig.fromEnv(Map.of(PlaylistConfig.ENV_CACHE_TTL_MS, "60000")));
    assertTrue(ttl.getMessage().contains("TRIBUTARY_PLAYLIST_CACHE_TTL_MS=60000"), ttl.getMessage());
  }
}
