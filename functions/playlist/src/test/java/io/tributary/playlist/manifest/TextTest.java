package io.tributary.playlist.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TextTest {
  @Test
  void isoInstantMatchesTheJdkForRandomInstants() {
    SplittableRandom r = new SplittableRandom(8216);
    for (int i = 0; i < 20_000; i++) {
      long ms = r.nextLong(0, 4_102_444_800_000L); // 1970..2100
      StringBuilder out = new StringBuilder();
      Text.isoInstant(out, ms);
      String jdk = DateTimeFormatter.ISO_INSTANT.format(Instant.ofEpochMilli(ms).truncatedTo(ChronoUnit.MILLIS));
      // the JDK drops a zero fraction; we always write milliseconds
      String expected = jdk.contains(".") ? jdk : jdk.replace("Z", ".000Z");
      assertEquals(expected, out.toString(), "epoch ms " + ms);
    }
  }

  @Test
  void decimalsAndDurations() {
    StringBuilder out = new StringBuilder();
    Text.seconds3(out, 2002);
    out.append('|');
    Text.seconds3(out, 7);
    out.append('|');
    Text.xsDuration(out, 1_500);
    out.append('|');
    Text.xsDuration(out, 2_000);
    out.append('|');
    Text.xsDuration(out, 1_764_100_049_050L);
    assertEquals("2.002|0.007|PT1.5S|PT2S|PT1764100049.05S", out.toString());
  }
}
