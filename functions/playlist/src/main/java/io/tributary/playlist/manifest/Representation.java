package io.tributary.playlist.manifest;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * A Representation (ISO/IEC 23009-1 5.3.5): one rendition of a track.
 *
 * @param id {@code @id}, required, no whitespace; also the path segment {@code $RepresentationID$}
 * @param bandwidth {@code @bandwidth}, required, bits/s
 * @param codecs {@code @codecs}, required by us, RFC 6381
 * @param width {@code @width}, optional (video)
 * @param height {@code @height}, optional (video)
 * @param frameRate {@code @frameRate}, optional (video), FrameRateType such as "30" or "30000/1001"
 * @param audioSamplingRate {@code @audioSamplingRate}, optional (audio)
 * @param template own SegmentTemplate, optional: used when this rendition's timeline differs from the set's
 */
public record Representation(String id, long bandwidth, String codecs, OptionalInt width, OptionalInt height,
                             Optional<String> frameRate, OptionalInt audioSamplingRate,
                             Optional<SegmentTemplate> template) {
  public Representation {
    if (id == null || id.isEmpty() || id.chars().anyMatch(Character::isWhitespace)) {
      throw new InvalidManifestException("Representation@id must be non-empty without whitespace: " + id);
    }
    if (bandwidth <= 0) {
      throw new InvalidManifestException("Representation " + id + ": @bandwidth must be positive, got " + bandwidth);
    }
    HlsRules.quotedString("Representation@codecs", codecs);
    if (frameRate.isPresent() && !frameRate.get().matches("[0-9]*[0-9](/[0-9]*[0-9])?")) {
      throw new InvalidManifestException("Representation " + id + ": @frameRate is not a FrameRateType: " + frameRate.get());
    }
  }
}
