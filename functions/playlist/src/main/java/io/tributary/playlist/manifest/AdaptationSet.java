package io.tributary.playlist.manifest;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * An AdaptationSet (ISO/IEC 23009-1 5.3.3), written with segmentAlignment="true" and
 * startWithSAP="1": every CMAF segment starts with a keyframe at the same time in every rung.
 *
 * @param id {@code @id}, required, unique within the Period
 * @param contentType {@code @contentType}, required: "video" or "audio"
 * @param mimeType {@code @mimeType}, required: "video/mp4" or "audio/mp4"
 * @param template SegmentTemplate shared by every Representation, optional when each has its own
 * @param representations at least one
 */
public record AdaptationSet(int id, String contentType, String mimeType, Optional<SegmentTemplate> template,
                            List<Representation> representations) {
  public AdaptationSet {
    representations = List.copyOf(representations);
    if (!contentType.equals("video") && !contentType.equals("audio")) {
      throw new InvalidManifestException("AdaptationSet@contentType must be video or audio, got " + contentType);
    }
    if (!mimeType.equals(contentType + "/mp4")) {
      throw new InvalidManifestException("AdaptationSet " + id + ": CMAF " + contentType + " is " + contentType
          + "/mp4, got " + mimeType);
    }
    if (representations.isEmpty()) {
      throw new InvalidManifestException("AdaptationSet " + id + " has no Representation");
    }
    Set<String> ids = new HashSet<>();
    for (Representation r : representations) {
      if (!ids.add(r.id())) {
        throw new InvalidManifestException("duplicate Representation@id " + r.id());
      }
      if (template.isEmpty() && r.template().isEmpty()) {
        throw new InvalidManifestException("Representation " + r.id() + " has no SegmentTemplate at any level");
      }
    }
  }
}
