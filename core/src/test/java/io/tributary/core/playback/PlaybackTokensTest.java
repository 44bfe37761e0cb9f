package io.tributary.core.playback;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class PlaybackTokensTest {
  private final PlaybackTokens tokens = PlaybackTokens.fromSecret("0123456789abcdef0123456789abcdef");
  private final Instant now = Instant.parse("2026-11-25T20:00:00Z");

  @Test
  void acceptsOnlyItsStreamBeforeExpiry() {
    String t = tokens.issue("st_aaaaaaaaaaaaaaaaaaaa", now.plusSeconds(60));
    assertTrue(tokens.verify("st_aaaaaaaaaaaaaaaaaaaa", t, now));
    assertFalse(tokens.verify("st_bbbbbbbbbbbbbbbbbbbb", t, now));
    assertFalse(tokens.verify("st_aaaaaaaaaaaaaaaaaaaa", t, now.plusSeconds(60)));
    assertFalse(PlaybackTokens.fromSecret("another-secret-another-secret-xx").verify("st_aaaaaaaaaaaaaaaaaaaa", t, now));
  }

  @Test
  void rejectsTamperedOrMalformedTokens() {
    String t = tokens.issue("st_aaaaaaaaaaaaaaaaaaaa", now.plusSeconds(60));
    String later = (now.getEpochSecond() + 999999) + t.substring(t.indexOf('.'));
    assertFalse(tokens.verify("st_aaaaaaaaaaaaaaaaaaaa", later, now));
    for (String bad : new String[] {null, "", ".", "abc", "12.", "x.y", "1234567890123.abc"}) {
      assertFalse(tokens.verify("st_aaaaaaaaaaaaaaaaaaaa", bad, now), String.valueOf(bad));
    }
    assertThrows(IllegalArgumentException.class, () -> PlaybackTokens.fromSecret("short"));
  }
}
