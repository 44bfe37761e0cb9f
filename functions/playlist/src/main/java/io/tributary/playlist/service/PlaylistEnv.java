package io.tributary.playlist.service;

import java.util.Map;

/**
 * The environment the service configures itself from: {@link System#getenv()} in production, a
 * given map when a test or the launcher starts it in-process ({@code LocalAws.env()} plus ours).
 */
public record PlaylistEnv(Map<String, String> values) {
  public PlaylistEnv {
    values = Map.copyOf(values);
  }
}
