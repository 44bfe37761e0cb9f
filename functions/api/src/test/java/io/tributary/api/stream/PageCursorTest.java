package io.tributary.api.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tributary.api.problem.ApiProblem;
import io.tributary.core.id.StreamId;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class PageCursorTest {
  @Test
  void roundTrips() {
    PageCursor c = new PageCursor(1_764_000_000_123L, StreamId.random());
    assertEquals(c, PageCursor.decode(c.encode()));
  }

  @Test
  void malformedCursorsAre400NamingTheField() {
    for (String bad : new String[] {"", "garbage!", b64("v2|1|st_aaaaaaaaaaaaaaaaaaaa"), b64("v1|x|st_aaaaaaaaaaaaaaaaaaaa"),
        b64("v1|1|st_UPPER"), b64("v1|1"), "A".repeat(500)}) {
      ApiProblem p = assertThrows(ApiProblem.class, () -> PageCursor.decode(bad), bad);
      assertEquals(400, p.status());
      assertEquals("cursor", p.toProblem("/streams").field());
    }
  }

  private static String b64(String s) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(s.getBytes(StandardCharsets.UTF_8));
  }
}
