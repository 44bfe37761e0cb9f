package io.tributary.core.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.core.media.Ladder;
import io.tributary.core.media.SourceInfo;
import org.junit.jupiter.api.Test;

class TranscodeJobJsonTest {

  @Test
  void readsTheV1Fixture() {
    TranscodeJob job = TranscodeJobJson.read(TranscodeJobFixtures.v1Json());
    assertEquals(42, job.seq());
    assertEquals("st_abcdefghijklmnopqrst", job.streamId());
    assertEquals(84000, job.startMs());
    assertEquals(2002, job.durationMs());
    assertEquals("avc", job.source().videoCodec());
    assertEquals(3, job.ladder().renditions().size());
    assertTrue(job.ladder().renditions().get(0).isSource());
    assertEquals(2100, job.ladder().renditions().get(1).maxKbps());
  }

  @Test
  void roundTripsAndOmitsDerivedProperties() {
    TranscodeJob job = TranscodeJobJson.read(TranscodeJobFixtures.v1Json());
    String json = TranscodeJobJson.write(job);
    assertEquals(job, TranscodeJobJson.read(json));
    assertFalse(json.contains("hasVideo"), json);
    assertFalse(json.contains("\"source\":true"), json);
  }

  @Test
  void ignoresUnknownFieldsButRefusesOtherVersions() {
    String extra = TranscodeJobFixtures.v1Json().replaceFirst("\\{", "{\"futureField\": 1,");
    assertEquals(42, TranscodeJobJson.read(extra).seq());
    String v2 = TranscodeJobFixtures.v1Json().replace("\"version\": 1", "\"version\": 2");
    InvalidJobException e = assertThrows(InvalidJobException.class, () -> TranscodeJobJson.read(v2));
    assertTrue(e.getMessage().contains("unsupported job version 2"), e.getMessage());
  }

  @Test
  void namesTheBadField() {
    String bad = TranscodeJobFixtures.v1Json().replace("\"seq\": 42", "\"seq\": -1");
    InvalidJobException e = assertThrows(InvalidJobException.class, () -> TranscodeJobJson.read(bad));
    assertTrue(e.getMessage().contains("seq must be >= 0"), e.getMessage());
    assertThrows(InvalidJobException.class, () -> TranscodeJobJson.read("{not json"));
    String missing = TranscodeJobFixtures.v1Json().replace("\"seq\": 42,", "");
    assertThrows(InvalidJobException.class, () -> TranscodeJobJson.read(missing));
  }

  @Test
  void ladderDropsRungsAtOrAboveTheSource() {
    Ladder forSd = Ladder.preset("default").forSourceHeight(720);
    assertEquals(java.util.List.of("source", "480p", "360p"),
        forSd.renditions().stream().map(r -> r.name()).toList());
    Ladder audioOnly = Ladder.preset("default").forSourceHeight(0);
    assertEquals(1, audioOnly.renditions().size());
    assertThrows(IllegalArgumentException.class,
        () -> new SourceInfo(null, null, 0, 0, 0, 0, 0));
  }
}
