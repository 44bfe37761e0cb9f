package io.tributary.api.stream;

import io.tributary.api.problem.ApiProblem;
import io.tributary.core.media.Ladder;
import java.util.TreeSet;

/**
 * What an operator configures on a stream, validated here so the HTTP layer and the repository
 * agree: segment duration 1000..6000 ms (ARCHITECTURE "Chunk"), a known ladder preset, a DVR
 * window of at most a day.
 */
public record StreamSettings(String name, int segmentDurationMs, String ladder, boolean privatePlayback,
                             int dvrWindowS, boolean recording) {
  public static final int MIN_SEGMENT_MS = 1000;
  public static final int MAX_SEGMENT_MS = 6000;
  public static final int MAX_DVR_S = 86_400;
  public static final int MAX_NAME = 100;

  public StreamSettings {
    if (name == null || name.isBlank() || name.length() > MAX_NAME) {
      throw ApiProblem.invalid("name", "1.." + MAX_NAME + " characters, not blank", "name must be 1.." + MAX_NAME
          + " non-blank characters");
    }
    if (segmentDurationMs < MIN_SEGMENT_MS || segmentDurationMs > MAX_SEGMENT_MS) {
      throw ApiProblem.invalid("segmentDurationMs", "range " + MIN_SEGMENT_MS + ".." + MAX_SEGMENT_MS,
          "segmentDurationMs must be in " + MIN_SEGMENT_MS + ".." + MAX_SEGMENT_MS + ", got " + segmentDurationMs);
    }
    if (ladder == null || !Ladder.presetNames().contains(ladder)) {
      throw ApiProblem.invalid("ladder", "one of " + new TreeSet<>(Ladder.presetNames()),
          "unknown ladder preset " + ladder);
    }
    if (dvrWindowS < 0 || dvrWindowS > MAX_DVR_S) {
      throw ApiProblem.invalid("dvrWindowS", "range 0.." + MAX_DVR_S, "dvrWindowS must be in 0.." + MAX_DVR_S
          + ", got " + dvrWindowS);
    }
  }
}
