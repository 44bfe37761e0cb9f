package io.tributary.playlist.service;

import io.tributary.core.config.EnvVars;
import io.tributary.playlist.plan.PlanSettings;
import java.util.Map;
import java.util.Optional;

/**
 * Configuration from environment variables, validated at start (a bad value stops the service
 * with the variable's name and value).
 *
 * <ul>
 *   <li>{@code TRIBUTARY_PLAYLIST_HOST} (default {@code 127.0.0.1}) and {@code TRIBUTARY_PLAYLIST_PORT}
 *       (default {@code 8082}): where the local server listens</li>
 *   <li>{@code TRIBUTARY_PLAYLIST_LIVE_WINDOW} (default 6): segments in a live playlist without DVR</li>
 *   <li>{@code TRIBUTARY_PLAYLIST_CACHE_TTL_MS} (default 2000): stream config/sessions cache</li>
 *   <li>{@code TRIBUTARY_PLAYBACK_SECRET}: HMAC secret of playback tokens (32+ bytes); without it
 *       private streams are refused</li>
 *   <li>{@code TRIBUTARY_PLAYLIST_SERVE_MEDIA} (default true): serve segments from S3; false in
 *       AWS where CloudFront routes segment paths to the bucket</li>
 *   <li>{@code TRIBUTARY_PLAYLIST_ENDED_MAX_AGE_S} (default 86400): cache lifetime of ended sessions' manifests</li>
 *   <li>{@code TRIBUTARY_PLAYLIST_EAGER_INIT} (default true): create every bean and prime the manifest
 *       path at startup (Lambda init phase / SnapStart snapshot) instead of on the first request</li>
 *   <li>{@code TRIBUTARY_PLAYLIST_EDGE_TOKENS} (default false; the CDK app sets true): CloudFront checks
 *       a playback token on every segment and init request, so every media URI carries one —
 *       the viewer's for private streams, one this service issues for public streams (needs
 *       {@code TRIBUTARY_PLAYBACK_SECRET})</li>
 *   <li>{@code TRIBUTARY_PLAYLIST_CUT_OVERRUN_MS} (default 0, 0..6000): how far past the configured
 *       segment duration a keyframe cut may land and still fit the session's constant
 *       EXT-X-TARGETDURATION (see {@code PlanSettings#cutOverrunMs}); 0 gives the lowest HLS latency
 *       for encoders whose keyframe interval divides the segment duration</li>
 * </ul>
 * AWS endpoints, region and resource names come from core {@code AwsSettings}/{@code ResourceNames}.
 */
public record PlaylistConfig(String host, int port, int liveWindowSegments, long cacheTtlMs,
                             Optional<String> playbackSecret, boolean serveMedia, int endedMaxAgeS,
                             boolean eagerInit, int cutOverrunMs, boolean edgeTokens) {
  public static final String ENV_HOST = "TRIBUTARY_PLAYLIST_HOST";
  public static final String ENV_PORT = "TRIBUTARY_PLAYLIST_PORT";
  public static final String ENV_LIVE_WINDOW = "TRIBUTARY_PLAYLIST_LIVE_WINDOW";
  public static final String ENV_CACHE_TTL_MS = "TRIBUTARY_PLAYLIST_CACHE_TTL_MS";
  public static final String ENV_SECRET = "TRIBUTARY_PLAYBACK_SECRET";
  public static final String ENV_SERVE_MEDIA = "TRIBUTARY_PLAYLIST_SERVE_MEDIA";
  public static final String ENV_ENDED_MAX_AGE_S = "TRIBUTARY_PLAYLIST_ENDED_MAX_AGE_S";
  public static final String ENV_EAGER_INIT = "TRIBUTARY_PLAYLIST_EAGER_INIT";
  public static final String ENV_CUT_OVERRUN_MS = "TRIBUTARY_PLAYLIST_CUT_OVERRUN_MS";
  public static final String ENV_EDGE_TOKENS = "TRIBUTARY_PLAYLIST_EDGE_TOKENS";

  public PlaylistConfig {
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException(ENV_PORT + "=" + port + " is not a port");
    }
    if (liveWindowSegments < 3 || liveWindowSegments > 100) {
      throw new IllegalArgumentException(ENV_LIVE_WINDOW + "=" + liveWindowSegments + " must be in 3..100 (RFC 8216 6.2.2)");
    }
    if (cacheTtlMs < 0 || cacheTtlMs > liveWindowSegments * 500L) {
      // Half the shortest live window (1 s segments): every session that began before a window's
      // first segment is then in the cached session list (EXT-X-DISCONTINUITY-SEQUENCE counts them).
      throw new IllegalArgumentException(ENV_CACHE_TTL_MS + "=" + cacheTtlMs + " must be in 0.." + liveWindowSegments * 500L);
    }
    if (playbackSecret.isPresent() && playbackSecret.get().getBytes(java.nio.charset.StandardCharsets.UTF_8).length < 32) {
      throw new IllegalArgumentException(ENV_SECRET + " must be at least 32 bytes");
    }
    if (endedMaxAgeS < 1) {
      throw new IllegalArgumentException(ENV_ENDED_MAX_AGE_S + "=" + endedMaxAgeS + " must be positive");
    }
    if (edgeTokens && playbackSecret.isEmpty()) {
      throw new IllegalArgumentException(ENV_EDGE_TOKENS + "=true needs " + ENV_SECRET + " to issue media tokens");
    }
    if (cutOverrunMs < 0 || cutOverrunMs > 6000) {
      throw new IllegalArgumentException(ENV_CUT_OVERRUN_MS + "=" + cutOverrunMs + " must be in 0..6000");
    }
  }

  public static PlaylistConfig fromEnv(Map<String, String> env) {
    return new PlaylistConfig(env.getOrDefault(ENV_HOST, "127.0.0.1"), EnvVars.integer(env, ENV_PORT, 8082),
        EnvVars.integer(env, ENV_LIVE_WINDOW, 6), EnvVars.integer(env, ENV_CACHE_TTL_MS, 2000),
        Optional.ofNullable(env.get(ENV_SECRET)).filter(s -> !s.isBlank()),
        !"false".equalsIgnoreCase(env.getOrDefault(ENV_SERVE_MEDIA, "true")), EnvVars.integer(env, ENV_ENDED_MAX_AGE_S, 86_400),
        !"false".equalsIgnoreCase(env.getOrDefault(ENV_EAGER_INIT, "true")),
        EnvVars.integer(env, ENV_CUT_OVERRUN_MS, PlanSettings.DEFAULT.cutOverrunMs()),
        "true".equalsIgnoreCase(env.getOrDefault(ENV_EDGE_TOKENS, "false")));
  }
}
