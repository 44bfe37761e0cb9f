package io.tributary.local.aws;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** One local AWS per test JVM, injectable into lifecycle methods, nested classes and tests alike. */
@ExtendWith(LocalAwsExtension.class)
class LocalAwsExtensionTest {
  private static LocalAws fromBeforeAll;

  @BeforeAll
  static void setUp(LocalAws aws) {
    fromBeforeAll = aws;
  }

  @Test
  void testAndBeforeAllGetTheSameInstance(LocalAws aws) {
    assertNotNull(fromBeforeAll);
    assertSame(fromBeforeAll, aws);
  }

  @Nested
  class Inner {
    @Test
    void nestedClassesShareIt(LocalAws aws) {
      assertSame(fromBeforeAll, aws);
    }
  }
}
