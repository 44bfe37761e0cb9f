package io.tributary.ingest.flv;

import java.util.List;

/**
 * Ingest health of one publish over the last sampling window, as the API shows it. Field names
 * match core {@code MetricsTable}.
 *
 * @param atMs wall clock of the sample
 * @param bitrateKbps media bytes received per second, in kbit/s
 * @param fps video frames per second of media time
 * @param keyframeIntervalMs media time between the last two keyframes, 0 if fewer than two
 * @param avDriftMs last audio timestamp minus last video timestamp (session timeline)
 * @param warnings human-readable problems the encoder operator should fix
 */
public record HealthSample(long atMs, int bitrateKbps, double fps, int width, int height, String videoCodec,
                           String audioCodec, long keyframeIntervalMs, long avDriftMs, List<String> warnings) {
  public HealthSample {
    warnings = List.copyOf(warnings);
  }
}
