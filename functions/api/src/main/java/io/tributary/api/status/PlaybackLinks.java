package io.tributary.api.status;

import io.tributary.api.config.ApiConfig;
import io.tributary.core.playback.PlaybackTokens;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;

/**
 * Builds playback URLs on {@code TRIBUTARY_PLAYBACK_BASE_URL}: {@code /live/{id}/master.m3u8},
 * {@code /live/{id}/manifest.mpd}, {@code /watch/{id}}, {@code /live/{id}/thumb.jpg} and for a
 * recorded session {@code /vod/{id}/{sessionId}/master.m3u8}. Private streams get a signed,
 * expiring token (core's {@link PlaybackTokens}, verified by the playlist service).
 */
@Singleton
public class PlaybackLinks {
  private final String base;
  private final PlaybackTokens tokens;
  private final long ttlS;
  private final Clock clock;

  public PlaybackLinks(ApiConfig config, PlaybackTokens tokens, Clock clock) {
    this.base = config.playbackBaseUrl();
    this.tokens = tokens;
    this.ttlS = config.playbackTokenTtlS();
    this.clock = clock;
  }

  public PlaybackUrls live(String streamId, boolean privatePlayback) {
    Signed s = sign(streamId, privatePlayback);
    return new PlaybackUrls(base + "/live/" + streamId + "/master.m3u8" + s.query,
        base + "/live/" + streamId + "/manifest.mpd" + s.query, base + "/watch/" + streamId + s.query,
        base + "/live/" + streamId + "/thumb.jpg" + s.query, s.expires);
  }

  public String vod(String streamId, String sessionId, boolean privatePlayback) {
    return base + "/vod/" + streamId + "/" + sessionId + "/master.m3u8" + sign(streamId, privatePlayback).query;
  }

  private record Signed(String query, String expires) {}

  private Signed sign(String streamId, boolean privatePlayback) {
    if (!privatePlayback) {
      return new Signed("", null);
    }
    Instant exp = clock.instant().plusSeconds(ttlS);
    return new Signed("?token=" + tokens.issue(streamId, exp), exp.toString());
  }
}
