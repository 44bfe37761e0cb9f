package io.tributary.playlist.manifest;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A multivariant (master) playlist (RFC 8216 4.3.4).
 *
 * @param version EXT-X-VERSION, required; 7 here (EXT-X-MAP in media playlists without I-frames needs 6+)
 * @param independentSegments EXT-X-INDEPENDENT-SEGMENTS (4.3.5.1), optional tag, written when true:
 *     every CMAF segment starts with a keyframe
 * @param audio EXT-X-MEDIA TYPE=AUDIO tags, optional
 * @param variants EXT-X-STREAM-INF tags, at least one
 */
public record MultivariantPlaylist(int version, boolean independentSegments, List<AudioRendition> audio,
                                   List<VariantStream> variants) {
  public MultivariantPlaylist {
    audio = List.copyOf(audio);
    variants = List.copyOf(variants);
    if (version < 1 || version > 12) {
      throw new InvalidManifestException("EXT-X-VERSION out of range: " + version);
    }
    if (variants.isEmpty()) {
      throw new InvalidManifestException("a multivariant playlist lists at least one variant stream");
    }
    Set<String> groups = new HashSet<>();
    Set<String> names = new HashSet<>();
    for (AudioRendition a : audio) {
      groups.add(a.groupId());
      // RFC 8216 4.3.4.1.1: all members of a group have different NAMEs.
      if (!names.add(a.groupId() + "\n" + a.name())) {
        throw new InvalidManifestException("duplicate NAME " + a.name() + " in audio group " + a.groupId());
      }
    }
    for (VariantStream v : variants) {
      // RFC 8216 4.3.4.2: AUDIO must match the GROUP-ID of an EXT-X-MEDIA tag of TYPE=AUDIO.
      if (v.audioGroup().isPresent() && !groups.contains(v.audioGroup().get())) {
        throw new InvalidManifestException("variant " + v.uri() + " names audio group " + v.audioGroup().get()
            + " but only " + groups + " exist");
      }
    }
  }
}
