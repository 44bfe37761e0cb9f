package io.tributary.api.stream;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

/**
 * Body of {@code PATCH /streams/{id}}: only the present fields change. A new segment duration or
 * ladder applies from the next publish (ingest reads them when a session starts).
 */
@Serdeable
@JsonIgnoreProperties(ignoreUnknown = false)
public record UpdateStreamRequest(
    @Nullable @Size(min = 1, max = StreamSettings.MAX_NAME) String name,
    @Nullable @Min(StreamSettings.MIN_SEGMENT_MS) @Max(StreamSettings.MAX_SEGMENT_MS) Integer segmentDurationMs,
    @Nullable String ladder,
    @Nullable @JsonProperty("private") Boolean privatePlayback,
    @Nullable @Min(0) @Max(StreamSettings.MAX_DVR_S) Integer dvrWindowS,
    @Nullable Boolean recording) {

  public StreamSettings applyTo(StreamSettings s) {
    return new StreamSettings(name != null ? name : s.name(),
        segmentDurationMs != null ? segmentDurationMs : s.segmentDurationMs(), ladder != null ? ladder : s.ladder(),
        privatePlayback != null ? privatePlayback : s.privatePlayback(),
        dvrWindowS != null ? dvrWindowS : s.dvrWindowS(), recording != null ? recording : s.recording());
  }
}
