package io.tributary.core.media;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.regex.Pattern;

/**
 * One rung of the adaptive ladder. {@link #SOURCE} is the remux of the encoder's own video (no
 * re-encode, any codec); every other rung is H.264 at a fixed height with a VBV-capped bitrate.
 *
 * @param name path segment and playlist name, e.g. {@code source}, {@code 720p}
 * @param height output height in pixels; 0 for the source rung (kept as sent)
 * @param videoKbps target average video bitrate; 0 for the source rung
 * @param maxKbps VBV max rate (peak), at least {@code videoKbps}
 * @param bufKbps VBV buffer size
 * @param profile H.264 profile for encoded rungs ({@code high}, {@code main}); null for source
 */
public record Rendition(String name, int height, int videoKbps, int maxKbps, int bufKbps, String profile) {
  private static final Pattern NAME = Pattern.compile("[a-z0-9]{1,16}");
  public static final String SOURCE_NAME = "source";
  public static final Rendition SOURCE = new Rendition(SOURCE_NAME, 0, 0, 0, 0, null);

  public Rendition {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("rendition name must match " + NAME + ", got " + name);
    }
    boolean source = SOURCE_NAME.equals(name);
    if (source && (height != 0 || videoKbps != 0 || profile != null)) {
      throw new IllegalArgumentException("the source rendition is a remux and takes no encoding settings");
    }
    if (!source) {
      if (height < 144 || height > 4320 || height % 2 != 0) {
        throw new IllegalArgumentException("rendition " + name + ": height must be even and in 144..4320, got " + height);
      }
      if (videoKbps < 64 || maxKbps < videoKbps || bufKbps < maxKbps / 4) {
        throw new IllegalArgumentException("rendition " + name + ": need 64 <= videoKbps <= maxKbps and bufKbps >= maxKbps/4, got "
            + videoKbps + "/" + maxKbps + "/" + bufKbps);
      }
      if (profile == null) {
        throw new IllegalArgumentException("rendition " + name + ": an H.264 profile is required");
      }
    }
  }

  @JsonIgnore
  public boolean isSource() {
    return SOURCE_NAME.equals(name);
  }

  /** An encoded H.264 rung with peak 1.5x and a 2 s VBV buffer at the peak rate's average. */
  public static Rendition h264(int height, int videoKbps, String profile) {
    return new Rendition(height + "p", height, videoKbps, videoKbps * 3 / 2, videoKbps * 2, profile);
  }
}
