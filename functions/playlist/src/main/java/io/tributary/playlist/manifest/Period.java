package io.tributary.playlist.manifest;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A Period (ISO/IEC 23009-1 5.3.2): one publish session (or the part of one between gaps).
 *
 * @param id {@code @id}, required: stable across MPD updates (5.3.2.1, dynamic MPDs)
 * @param startMs {@code @start}, required here, milliseconds from availabilityStartTime (dynamic)
 *     or from the presentation start (static)
 * @param adaptationSets at least one
 */
public record Period(String id, long startMs, List<AdaptationSet> adaptationSets) {
  public Period {
    adaptationSets = List.copyOf(adaptationSets);
    HlsRules.quotedString("Period@id", id);
    if (startMs < 0) {
      throw new InvalidManifestException("Period " + id + ": @start cannot be negative, got " + startMs);
    }
    if (adaptationSets.isEmpty()) {
      throw new InvalidManifestException("Period " + id + " has no AdaptationSet");
    }
    Set<Integer> ids = new HashSet<>();
    for (AdaptationSet a : adaptationSets) {
      if (!ids.add(a.id())) {
        throw new InvalidManifestException("Period " + id + ": duplicate AdaptationSet@id " + a.id());
      }
    }
  }
}
