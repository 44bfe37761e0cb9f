package io.tributary.ingest.flv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class TimestampNormalizerTest {
  private final TimestampNormalizer n = new TimestampNormalizer(5000);

  @Test
  void arbitraryStartBecomesZero() {
    assertEquals(0, n.normalize(Track.VIDEO, 123_456_789));
    assertEquals(40, n.normalize(Track.VIDEO, 123_456_829));
    assertEquals(23, n.normalize(Track.AUDIO, 123_456_812));
  }

  @Test
  void thirtyTwoBitWrapIsUnfolded() {
    long start = 0xFFFFFFFFL - 50;
    assertEquals(0, n.normalize(Track.VIDEO, start));
    assertEquals(40, n.normalize(Track.VIDEO, (start + 40) & 0xFFFFFFFFL));
    assertEquals(80, n.normalize(Track.VIDEO, (start + 80) & 0xFFFFFFFFL));
    // Audio joins after the wrap: same epoch as video.
    assertEquals(90, n.normalize(Track.AUDIO, (start + 90) & 0xFFFFFFFFL));
    assertEquals(0, n.jumps());
  }

  @Test
  void twentyFourBitWrapIsUnfolded() {
    long start = (1L << 24) - 30;
    assertEquals(0, n.normalize(Track.AUDIO, start));
    assertEquals(23, n.normalize(Track.AUDIO, start + 23));
    assertEquals(46, n.normalize(Track.AUDIO, (start + 46) & 0xFFFFFF));
    assertEquals(0, n.jumps());
  }

  @Test
  void smallBackwardStepsAreClampedMonotonic() {
    assertEquals(0, n.normalize(Track.VIDEO, 1000));
    assertEquals(40, n.normalize(Track.VIDEO, 1040));
    assertEquals(40, n.normalize(Track.VIDEO, 1030));
    assertEquals(80, n.normalize(Track.VIDEO, 1080));
  }

  @Test
  void encoderRestartIsSplicedOnBothTracksOnce() {
    for (int i = 0; i < 50; i++) {
      n.normalize(Track.VIDEO, 500_000 + i * 40L);
      n.normalize(Track.AUDIO, 500_010 + i * 40L);
    }
    long lastVideo = 49 * 40;
    // The encoder restarts its clock at 0.
    long v = n.normalize(Track.VIDEO, 0);
    long a = n.normalize(Track.AUDIO, 10);
    assertEquals(lastVideo + 40, v);
    assertEquals(v + 10, a);
    assertEquals(1, n.jumps());
    assertEquals(v + 40, n.normalize(Track.VIDEO, 40));
  }

  @Test
  void forwardJumpIsSpliced() {
    n.normalize(Track.VIDEO, 0);
    n.normalize(Track.VIDEO, 40);
    assertEquals(80, n.normalize(Track.VIDEO, 3_600_000));
    assertEquals(120, n.normalize(Track.VIDEO, 3_600_040));
    assertEquals(1, n.jumps());
  }

  @Test
  void videoStartingBeforeAudioShiftsOriginKeepingSync() {
    assertEquals(0, n.normalize(Track.AUDIO, 10_000));
    assertEquals(0, n.normalize(Track.VIDEO, 9_900));
    assertEquals(123, n.normalize(Track.AUDIO, 10_023));
    assertEquals(140, n.normalize(Track.VIDEO, 10_040));
  }

  @Test
  void randomInputStaysMonotonicAndBounded() {
    Random r = new Random(7);
    long[] last = new long[2];
    long raw = r.nextInt() & 0xFFFFFFFFL;
    for (int i = 0; i < 100_000; i++) {
      Track t = r.nextBoolean() ? Track.AUDIO : Track.VIDEO;
      raw = switch (r.nextInt(20)) {
        case 0 -> r.nextInt() & 0xFFFFFFFFL;
        case 1 -> (raw - r.nextInt(50)) & 0xFFFFFFFFL;
        default -> (raw + r.nextInt(60)) & 0xFFFFFFFFL;
      };
      long out = n.normalize(t, raw);
      assertTrue(out >= last[t.ordinal()], "monotonic per track");
      assertTrue(out - last[t.ordinal()] <= 5000 || last[t.ordinal()] == 0, "no gap beyond maxGap");
      last[t.ordinal()] = out;
    }
  }

  @Test
  void rejectsOutOfRangeRaw() {
    assertThrows(IllegalArgumentException.class, () -> n.normalize(Track.AUDIO, -1));
    assertThrows(IllegalArgumentException.class, () -> n.normalize(Track.AUDIO, 1L << 32));
  }
}
