package io.tributary.playlist.manifest;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * One media segment of a media playlist, with the tags that apply to it (RFC 8216 4.3.2).
 *
 * @param uri the segment URI line, required (a gap keeps its URI line too, 8216bis 4.4.4.7)
 * @param durationMs EXTINF duration, required, milliseconds (written as seconds with three decimals)
 * @param discontinuity EXT-X-DISCONTINUITY before this segment (4.3.2.3), optional tag
 * @param mapUri EXT-X-MAP URI (4.3.2.5), optional tag; the playlist requires it on its first segment
 *     and after every discontinuity, because each session has its own init segment
 * @param programDateTimeMs EXT-X-PROGRAM-DATE-TIME (4.3.2.6), optional tag, epoch milliseconds
 * @param gap EXT-X-GAP (draft-pantos-hls-rfc8216bis 4.4.4.7), optional tag: the segment failed for
 *     good and clients must not fetch it
 */
public record MediaSegment(String uri, long durationMs, boolean discontinuity, Optional<String> mapUri,
                           OptionalLong programDateTimeMs, boolean gap) {
  public MediaSegment {
    HlsRules.uriLine(uri);
    mapUri.ifPresent(m -> HlsRules.quotedString("EXT-X-MAP URI", m));
    if (durationMs <= 0 || durationMs > 600_000) {
      throw new InvalidManifestException("EXTINF of " + uri + " must be in (0, 600] s, got " + durationMs + " ms");
    }
  }

  /** EXTINF rounded to the nearest integer, the value EXT-X-TARGETDURATION bounds (4.3.3.1). */
  public long roundedSeconds() {
    return (durationMs + 500) / 1000;
  }
}
