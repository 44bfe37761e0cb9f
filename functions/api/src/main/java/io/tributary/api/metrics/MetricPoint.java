package io.tributary.api.metrics;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * One downsampled point: the samples of a time bucket folded together. Rates are means, the
 * bitrate also has its min and max, the A/V drift the largest magnitude, resolution and codecs
 * the bucket's last, warnings the distinct union.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MetricPoint(String ts, int samples, Double bitrateKbps, Double bitrateKbpsMin, Double bitrateKbpsMax,
                          Double fps, Integer width, Integer height, String videoCodec, String audioCodec,
                          Double keyframeIntervalMs, Double avDriftMs, List<String> warnings) {}
