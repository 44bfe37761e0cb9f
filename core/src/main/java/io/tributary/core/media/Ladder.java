package io.tributary.core.media;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The renditions a stream is transcoded into, source first. Presets are named so a stream
 * record stores a word, not a list; the job message carries the resolved list so a worker
 * never needs the stream record.
 */
public record Ladder(List<Rendition> renditions, int audioKbps) {
  public static final String DEFAULT_PRESET = "default";

  private static final Map<String, Ladder> PRESETS = Map.of(
      "default", new Ladder(List.of(Rendition.SOURCE,
          Rendition.h264(1080, 5000, "high"),
          Rendition.h264(720, 2800, "high"),
          Rendition.h264(480, 1400, "main"),
          Rendition.h264(360, 800, "main")), 128),
      "low-latency", new Ladder(List.of(Rendition.SOURCE,
          Rendition.h264(720, 2500, "high"),
          Rendition.h264(360, 700, "main")), 96),
      "passthrough", new Ladder(List.of(Rendition.SOURCE), 128));

  public Ladder {
    renditions = List.copyOf(renditions);
    if (renditions.isEmpty() || !renditions.get(0).isSource()) {
      throw new IllegalArgumentException("a ladder starts with the source rendition");
    }
    Set<String> names = new HashSet<>();
    for (Rendition r : renditions) {
      if (!names.add(r.name())) {
        throw new IllegalArgumentException("duplicate rendition name " + r.name());
      }
    }
    if (audioKbps < 32 || audioKbps > 512) {
      throw new IllegalArgumentException("audioKbps must be in 32..512, got " + audioKbps);
    }
  }

  public static Set<String> presetNames() {
    return PRESETS.keySet();
  }

  public static Ladder preset(String name) {
    Ladder ladder = PRESETS.get(name);
    if (ladder == null) {
      throw new IllegalArgumentException("unknown ladder preset " + name + "; known: " + PRESETS.keySet());
    }
    return ladder;
  }

  /**
   * The rungs worth encoding for a source of this height: never upscale, so every encoded rung
   * is strictly below the source height (an equal-height rung would only re-encode the source).
   */
  public Ladder forSourceHeight(int sourceHeight) {
    List<Rendition> kept = new ArrayList<>();
    for (Rendition r : renditions) {
      if (r.isSource() || (sourceHeight > 0 && r.height() < sourceHeight)) {
        kept.add(r);
      }
    }
    return new Ladder(kept, audioKbps);
  }
}
