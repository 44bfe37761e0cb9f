package io.tributary.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvVarsTest {
  @Test
  void absentOrBlankTakesTheDefaultAndValuesAreTrimmed() {
    assertEquals(7, EnvVars.integer(Map.of(), "X", 7));
    assertEquals(7, EnvVars.integer(Map.of("X", "  "), "X", 7));
    assertEquals(42, EnvVars.integer(Map.of("X", " 42 "), "X", 7));
    assertEquals(5_000_000_000L, EnvVars.longValue(Map.of("X", "5000000000"), "X", 1));
  }

  @Test
  void malformedValuesNameTheVariable() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> EnvVars.integer(Map.of("TRIBUTARY_X", "ten"), "TRIBUTARY_X", 1));
    assertEquals("TRIBUTARY_X=ten is not an integer", e.getMessage());
    IllegalArgumentException big = assertThrows(IllegalArgumentException.class,
        () -> EnvVars.integer(Map.of("TRIBUTARY_X", "5000000000"), "TRIBUTARY_X", 1));
    assertTrue(big.getMessage().contains("out of the integer range"), big.getMessage());
  }
}
