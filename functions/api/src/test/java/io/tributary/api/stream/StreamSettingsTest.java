package io.tributary.api.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tributary.api.problem.ApiProblem;
import org.junit.jupiter.api.Test;

class StreamSettingsTest {
  @Test
  void boundsAreInclusive() {
    new StreamSettings("a", 1000, "default", false, 0, false);
    new StreamSettings("a", 6000, "passthrough", true, 86_400, true);
  }

  @Test
  void eachViolationNamesItsField() {
    assertEquals("segmentDurationMs", field(() -> new StreamSettings("a", 999, "default", false, 0, false)));
    assertEquals("segmentDurationMs", field(() -> new StreamSettings("a", 6001, "default", false, 0, false)));
    assertEquals("ladder", field(() -> new StreamSettings("a", 2000, "nope", false, 0, false)));
    assertEquals("dvrWindowS", field(() -> new StreamSettings("a", 2000, "default", false, -1, false)));
    assertEquals("name", field(() -> new StreamSettings(" ", 2000, "default", false, 0, false)));
    assertEquals("name", field(() -> new StreamSettings("x".repeat(101), 2000, "default", false, 0, false)));
  }

  private static String field(Runnable r) {
    ApiProblem p = assertThrows(ApiProblem.class, r::run);
    assertEquals(422, p.status());
    return p.toProblem("/").field();
  }
}
