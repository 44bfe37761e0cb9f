package io.tributary.core.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import org.junit.jupiter.api.Test;

class StreamKeysTest {
  @Test
  void keysAre32RandomBytesUrlSafe() {
    String a = StreamKeys.generate();
    assertEquals(43, a.length());
    assertTrue(a.matches("[A-Za-z0-9_-]+"), a);
    assertEquals(32, Base64.getUrlDecoder().decode(a).length);
    assertNotEquals(a, StreamKeys.generate());
  }

  @Test
  void hashIsSha256HexAndMatchesOnlyTheKey() {
    // SHA-256("abc"), FIPS 180-2 appendix B.1.
    assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", StreamKeys.hash("abc"));
    String key = StreamKeys.generate();
    String stored = StreamKeys.hash(key);
    assertTrue(StreamKeys.matches(key, stored));
    assertFalse(StreamKeys.matches(key + "x", stored));
    assertEquals(key.substring(39), StreamKeys.last4(key));
  }
}
