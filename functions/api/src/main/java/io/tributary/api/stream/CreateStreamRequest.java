package io.tributary.api.stream;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /streams}; omitted optional fields take the documented defaults. */
@Serdeable
@JsonIgnoreProperties(ignoreUnknown = false)
public record CreateStreamRequest(
    @NotBlank @Size(max = StreamSettings.MAX_NAME) String name,
    @Nullable @Min(StreamSettings.MIN_SEGMENT_MS) @Max(StreamSettings.MAX_SEGMENT_MS)
    @Schema(defaultValue = "2000") Integer segmentDurationMs,
    @Nullable @Schema(defaultValue = "default", allowableValues = {"default", "low-latency", "passthrough"}) String ladder,
    @Nullable @JsonProperty("private") @Schema(defaultValue = "false") Boolean privatePlayback,
    @Nullable @Min(0) @Max(StreamSettings.MAX_DVR_S) @Schema(defaultValue = "60") Integer dvrWindowS,
    @Nullable @Schema(defaultValue = "false") Boolean recording) {

  public StreamSettings toSettings() {
    return new StreamSettings(name, segmentDurationMs == null ? 2000 : segmentDurationMs,
        ladder == null ? "default" : ladder, Boolean.TRUE.equals(privatePlayback),
        dvrWindowS == null ? 60 : dvrWindowS, Boolean.TRUE.equals(recording));
  }
}
