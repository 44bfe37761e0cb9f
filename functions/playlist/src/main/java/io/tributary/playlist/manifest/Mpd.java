package io.tributary.playlist.manifest;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * A Media Presentation Description, live profile (ISO/IEC 23009-1 5.3.1, 8.4). All times in
 * milliseconds (epoch for instants).
 *
 * @param dynamic {@code @type}: dynamic while live, static once the presentation ended
 * @param availabilityStartTimeMs {@code @availabilityStartTime}, required when dynamic
 * @param publishTimeMs {@code @publishTime}, required when dynamic (5.3.1.2)
 * @param minimumUpdatePeriodMs {@code @minimumUpdatePeriod}, dynamic only: clients refetch at this interval
 * @param timeShiftBufferDepthMs {@code @timeShiftBufferDepth}, dynamic only: how far back is seekable
 * @param suggestedPresentationDelayMs {@code @suggestedPresentationDelay}, dynamic only: distance to the live edge
 * @param minBufferTimeMs {@code @minBufferTime}, required
 * @param mediaPresentationDurationMs {@code @mediaPresentationDuration}, required when static (5.3.1.2)
 * @param utcTiming UTCTiming element, optional (recommended for dynamic MPDs by DASH-IF IOP 4.7)
 * @param periods at least one, in start order
 */
public record Mpd(boolean dynamic, OptionalLong availabilityStartTimeMs, long publishTimeMs,
                  OptionalLong minimumUpdatePeriodMs, OptionalLong timeShiftBufferDepthMs,
                  OptionalLong suggestedPresentationDelayMs, long minBufferTimeMs,
                  OptionalLong mediaPresentationDurationMs, Optional<UtcTiming> utcTiming, List<Period> periods) {
  public static final String PROFILE_LIVE = "urn:mpeg:dash:profile:isoff-live:2011";

  public Mpd {
    periods = List.copyOf(periods);
    if (periods.isEmpty()) {
      throw new InvalidManifestException("an MPD needs at least one Period");
    }
    if (dynamic) {
      if (availabilityStartTimeMs.isEmpty()) {
        throw new InvalidManifestException("a dynamic MPD needs @availabilityStartTime (5.3.1.2)");
      }
      if (mediaPresentationDurationMs.isPresent()) {
        throw new InvalidManifestException("a live dynamic MPD has no @mediaPresentationDuration");
      }
    } else {
      if (mediaPresentationDurationMs.isEmpty()) {
        throw new InvalidManifestException("a static MPD needs @mediaPresentationDuration (5.3.1.2)");
      }
      if (minimumUpdatePeriodMs.isPresent() || timeShiftBufferDepthMs.isPresent()
          || suggestedPresentationDelayMs.isPresent()) {
        throw new InvalidManifestException("@minimumUpdatePeriod, @timeShiftBufferDepth and "
            + "@suggestedPresentationDelay apply to dynamic MPDs only (5.3.1.2)");
      }
    }
    if (minBufferTimeMs <= 0) {
      throw new InvalidManifestException("@minBufferTime must be positive");
    }
    Set<String> ids = new HashSet<>();
    long previous = -1;
    for (Period p : periods) {
      if (!ids.add(p.id())) {
        throw new InvalidManifestException("duplicate Period@id " + p.id());
      }
      if (p.startMs() < previous) {
        throw new InvalidManifestException("Period " + p.id() + " starts at " + p.startMs()
            + " ms, before the previous Period (" + previous + " ms)");
      }
      previous = p.startMs();
    }
  }
}
