package io.tributary.transcode.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tributary.transcode.mp4.Sample;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class AudioTimelineTest {

  /**
   * Four hours of AAC frames stamped in FLV milliseconds, cut into ~2 s chunks: every chunk must
   * start exactly at its first frame's index times 1024, so chunk n ends where chunk n+1 begins.
   * The encoder's own phase against the grid (offsetMs) may be anything but within a millisecond
   * of half a frame, where no stateless rounding can tell the two neighbours apart.
   */
  @ParameterizedTest
  @CsvSource({"48000, 0.0", "48000, 2.667", "44100, 0.0", "44100, 7.3", "32000, 12.5", "48000, -8.0"})
  void fourHoursOfChunksStayOnTheSampleGrid(int rate, double offsetMs) {
    long frames = 4L * 3600 * rate / 1024;
    double frameMs = 1024_000.0 / rate;
    long nextFrame = 0;
    long expectedStart = Math.round(offsetMs / frameMs) * 1024;
    int chunks = 0;
    long chunkEndMs = 2002;
    while (nextFrame < frames) {
      List<Sample> samples = new ArrayList<>();
      // FLV stamp: rounded ms; the remux then rescales ms to the track timescale (the sample rate).
      while (nextFrame < frames && Math.round(nextFrame * frameMs + offsetMs) < chunkEndMs) {
        long ms = Math.round(nextFrame * frameMs + offsetMs);
        samples.add(new Sample(Math.round(ms * rate / 1000.0), 1024, 300, 0, 0));
        nextFrame++;
      }
      long start = AudioTimeline.snappedDecodeTime(samples, 1024);
      assertEquals(expectedStart, start, "chunk " + chunks + " at " + chunkEndMs + " ms");
      expectedStart = start + 1024L * samples.size();
      chunkEndMs += 1968 + (chunks % 3) * 33; // keyframe-aligned cuts of varying length
      chunks++;
    }
    assertEquals(frames * 1024, expectedStart, "no frame lost or doubled over " + chunks + " chunks");
  }

  @Test
  void aHoleInsideTheChunkIsClosedWithoutMovingWhereTheChunkEnds() {
    List<Sample> samples = new ArrayList<>();
    for (int k = 0; k < 94; k++) {
      long ms = Math.round(k * 21.333 + 1000) + (k >= 10 ? 500 : 0); // 500 ms hole after frame 10
      samples.add(new Sample(ms * 48, 1024, 300, 0, 0));
    }
    // The 84 frames after the hole imply a start at 1500 ms (frame 70.3); a mean would land ~8 frames
    // earlier and the chunk would end short of where the next one begins.
    long start = AudioTimeline.snappedDecodeTime(samples, 1024);
    assertEquals(70 * 1024, start, "median follows the majority of frames");
  }

  @Test
  void frameDurationNeedsAWholeNumberOfTicks() {
    assertEquals(1024, AudioTimeline.frameDuration(48_000, 48_000));
    assertEquals(1920, AudioTimeline.frameDuration(90_000, 48_000));
    assertThrows(IllegalArgumentException.class, () -> AudioTimeline.frameDuration(1000, 44_100));
    assertThrows(IllegalArgumentException.class, () -> AudioTimeline.snappedDecodeTime(List.of(), 1024));
  }
}
