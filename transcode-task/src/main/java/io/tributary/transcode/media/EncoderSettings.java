package io.tributary.transcode.media;

import java.util.Set;

/**
 * Worker-wide encoding choices that are not per stream.
 *
 * @param x264Preset libx264 preset for the ladder rungs; {@code veryfast} measured to fit a 720p30
 *     source with the default ladder in real time on 2 vCPU (BENCHMARKS.md)
 * @param thumbnailHeight height of the JPEG thumbnail, never above the source
 * @param bframes B-frames per mini-GOP in the rungs, fixed (b-adapt off) so every rung has the same
 *     frame types at the same positions
 */
public record EncoderSettings(String x264Preset, int thumbnailHeight, int bframes) {
  private static final Set<String> PRESETS = Set.of("ultrafast", "superfast", "veryfast", "faster", "fast",
      "medium", "slow", "slower", "veryslow");
  public static final EncoderSettings DEFAULT = new EncoderSettings("veryfast", 180, 2);

  public EncoderSettings {
    if (!PRESETS.contains(x264Preset)) {
      throw new IllegalArgumentException("unknown x264 preset " + x264Preset + "; known: " + PRESETS);
    }
    if (thumbnailHeight < 72 || thumbnailHeight > 1080 || thumbnailHeight % 2 != 0) {
      throw new IllegalArgumentException("thumbnail height must be even and in 72..1080, got " + thumbnailHeight);
    }
    if (bframes < 0 || bframes > 4) {
      throw new IllegalArgumentException("bframes must be in 0..4, got " + bframes);
    }
  }
}
