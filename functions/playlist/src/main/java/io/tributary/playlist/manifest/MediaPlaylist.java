package io.tributary.playlist.manifest;

import java.util.List;
import java.util.Optional;

/**
 * A media playlist (RFC 8216 4.3.3 and 6.2.2).
 *
 * @param version EXT-X-VERSION, required (7)
 * @param targetDurationS EXT-X-TARGETDURATION (4.3.3.1), required: at least every EXTINF rounded
 *     to the nearest integer, and constant for the life of the playlist (6.2.1)
 * @param mediaSequence EXT-X-MEDIA-SEQUENCE (4.3.3.2), written always: the stream-wide seq of the
 *     first segment, so it grows by exactly the number of segments that slid out
 * @param discontinuitySequence EXT-X-DISCONTINUITY-SEQUENCE (4.3.3.3), written when non-zero:
 *     discontinuities before the first listed segment
 * @param type EXT-X-PLAYLIST-TYPE (4.3.3.5), optional
 * @param independentSegments EXT-X-INDEPENDENT-SEGMENTS (4.3.5.1), optional tag, written when true
 * @param segments the segments, at least one
 * @param endList EXT-X-ENDLIST (4.3.3.4), optional tag: no more segments will be added
 */
public record MediaPlaylist(int version, int targetDurationS, long mediaSequence, long discontinuitySequence,
                            Optional<PlaylistType> type, boolean independentSegments, List<MediaSegment> segments,
                            boolean endList) {
  public MediaPlaylist {
    segments = List.copyOf(segments);
    if (version < 6) {
      throw new InvalidManifestException("EXT-X-MAP without EXT-X-I-FRAMES-ONLY needs EXT-X-VERSION 6+, got " + version);
    }
    if (segments.isEmpty()) {
      throw new InvalidManifestException("a media playlist lists at least one segment");
    }
    if (mediaSequence < 0 || discontinuitySequence < 0) {
      throw new InvalidManifestException("sequence numbers cannot be negative: " + mediaSequence + "/" + discontinuitySequence);
    }
    if (targetDurationS < 1) {
      throw new InvalidManifestException("EXT-X-TARGETDURATION must be at least 1, got " + targetDurationS);
    }
    if (type.isPresent() && type.get() == PlaylistType.VOD && !endList) {
      throw new InvalidManifestException("a VOD playlist ends with EXT-X-ENDLIST (RFC 8216 4.3.3.5)");
    }
    for (int i = 0; i < segments.size(); i++) {
      MediaSegment s = segments.get(i);
      if (s.roundedSeconds() > targetDurationS) {
        throw new InvalidManifestException("EXTINF " + s.durationMs() + " ms of " + s.uri() + " rounds above "
            + "EXT-X-TARGETDURATION " + targetDurationS + " (RFC 8216 4.3.3.1)");
      }
      // Each session has its own init segment, so the map must be (re)stated at the start and
      // after every discontinuity (RFC 8216 4.3.2.5: a MAP applies until the next MAP).
      if ((i == 0 || s.discontinuity()) && s.mapUri().isEmpty()) {
        throw new InvalidManifestException("segment " + s.uri() + " at index " + i
            + " starts a discontinuity or the playlist but has no EXT-X-MAP");
      }
    }
    if (segments.get(0).discontinuity()) {
      throw new InvalidManifestException("the first segment carries no EXT-X-DISCONTINUITY; count it in "
          + "EXT-X-DISCONTINUITY-SEQUENCE instead");
    }
  }
}
