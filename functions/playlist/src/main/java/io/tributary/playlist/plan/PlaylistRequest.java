package io.tributary.playlist.plan;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * What a viewer asked for.
 *
 * @param streamId the stream
 * @param sessionId present for {@code /vod/{streamId}/{sessionId}/...}: one session from its start
 * @param startMs {@code ?start=}: clip start, epoch ms (DVR time shift)
 * @param endMs {@code ?end=}: clip end, epoch ms
 * @param token {@code ?token=}: a verified playback token, repeated on every URI of the manifest
 * @param nowMs the request time
 * @param mediaToken the token segment and init URIs carry: {@code token}, or one the service
 *     issued for a public stream when CloudFront checks a token on every media request
 */
public record PlaylistRequest(String streamId, Optional<String> sessionId, OptionalLong startMs, OptionalLong endMs,
                              Optional<String> token, long nowMs, Optional<String> mediaToken) {
  /** A request whose media URIs carry the viewer's own token, if any. */
  public PlaylistRequest(String streamId, Optional<String> sessionId, OptionalLong startMs, OptionalLong endMs,
                         Optional<String> token, long nowMs) {
    this(streamId, sessionId, startMs, endMs, token, nowMs, token);
  }

  public PlaylistRequest {
    if (startMs.isPresent() && endMs.isPresent() && endMs.getAsLong() <= startMs.getAsLong()) {
      throw new IllegalArgumentException("end must be after start, got start=" + startMs.getAsLong() + " end="
          + endMs.getAsLong());
    }
    for (Optional<String> t : java.util.List.of(token, mediaToken)) {
      if (t.isPresent() && !t.get().matches("[A-Za-z0-9._-]{1,200}")) {
        throw new IllegalArgumentException("token has characters a token never has");
      }
    }
  }

  public boolean isVod() {
    return sessionId.isPresent();
  }

  public boolean isClip() {
    return startMs.isPresent() || endMs.isPresent();
  }

  /** The query string that every segment and init URI carries: the media token, if any. */
  public String segmentQuery() {
    return mediaToken.map(t -> "?token=" + t).orElse("");
  }

  /** The query string media playlist URIs carry: the token and the clip bounds, epoch ms. */
  public String playlistQuery() {
    StringBuilder q = new StringBuilder();
    token.ifPresent(t -> q.append(q.length() == 0 ? '?' : '&').append("token=").append(t));
    startMs.ifPresent(s -> q.append(q.length() == 0 ? '?' : '&').append("start=").append(s));
    endMs.ifPresent(e -> q.append(q.length() == 0 ? '?' : '&').append("end=").append(e));
    return q.toString();
  }

  /** Prefix that makes the media key layout reachable from the manifest's own path. */
  public String mediaPrefix() {
    // /vod/{streamId}/{sessionId}/x.m3u8 -> ../../live/{streamId}/ resolves to /live/{streamId}/ (RFC 3986 5.2).
    return isVod() ? "../../live/" + streamId + "/" : "";
  }
}
