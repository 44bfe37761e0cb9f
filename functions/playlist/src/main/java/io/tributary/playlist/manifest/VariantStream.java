package io.tributary.playlist.manifest;

import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * One EXT-X-STREAM-INF tag and its URI line (RFC 8216 4.3.4.2).
 *
 * @param uri the media playlist URI line, required
 * @param bandwidth BANDWIDTH, required: peak segment bit rate in bits/s
 * @param averageBandwidth AVERAGE-BANDWIDTH, optional: average segment bit rate
 * @param codecs CODECS, required by us (RFC: SHOULD), RFC 6381 strings, comma-separated
 * @param resolution RESOLUTION, optional (absent for audio-only)
 * @param frameRate FRAME-RATE, optional (absent for audio-only), written with three decimals
 * @param audioGroup AUDIO, optional: GROUP-ID of an EXT-X-MEDIA TYPE=AUDIO group
 */
public record VariantStream(String uri, long bandwidth, OptionalLong averageBandwidth, String codecs,
                            Optional<Resolution> resolution, OptionalDouble frameRate, Optional<String> audioGroup) {
  public VariantStream {
    HlsRules.uriLine(uri);
    if (bandwidth <= 0) {
      throw new InvalidManifestException("BANDWIDTH must be positive for " + uri + ", got " + bandwidth);
    }
    if (averageBandwidth.isPresent() && (averageBandwidth.getAsLong() <= 0 || averageBandwidth.getAsLong() > bandwidth)) {
      throw new InvalidManifestException("AVERAGE-BANDWIDTH must be in 1..BANDWIDTH for " + uri + ", got "
          + averageBandwidth.getAsLong() + " > " + bandwidth);
    }
    HlsRules.quotedString("CODECS", codecs);
    if (frameRate.isPresent() && !(frameRate.getAsDouble() > 0 && frameRate.getAsDouble() < 1000)) {
      throw new InvalidManifestException("FRAME-RATE must be in (0, 1000) for " + uri + ", got " + frameRate.getAsDouble());
    }
    audioGroup.ifPresent(g -> HlsRules.quotedString("AUDIO", g));
  }
}
