package io.tributary.core.resources;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class LeaseAcquireTest {
  @Test
  void everyPlaceholderOfTheUpdateAndTheConditionIsBoundAndNothingElse() {
    LeaseAcquire a = new LeaseAcquire("st_abcdefghijklmnopqrst", "s1", "task-1", 1_000L, 10_000L);
    String both = a.updateExpression() + " " + LeaseAcquire.CONDITION;
    assertEquals(placeholders(both, '#'), new TreeSet<>(a.names().keySet()));
    assertEquals(placeholders(both, ':'), new TreeSet<>(a.values().keySet()));
  }

  @Test
  void theLeaseRunsFromNowAndTheSessionIsBothLiveAndLast() {
    LeaseAcquire a = new LeaseAcquire("st_abcdefghijklmnopqrst", "s1", "task-1", 1_000L, 10_000L);
    assertEquals("11000", a.values().get(":u").n());
    assertEquals("1000", a.values().get(":now").n());
    assertEquals(StreamsTable.LIVE_SESSION_ID, a.names().get("#ls"));
    assertEquals(StreamsTable.LAST_SESSION_ID, a.names().get("#last"));
    assertEquals("task-1", a.values().get(":t").s());
    assertEquals("st_abcdefghijklmnopqrst", a.key().get(StreamsTable.STREAM_ID).s());
  }

  private static Set<String> placeholders(String expression, char sigil) {
    Set<String> found = new TreeSet<>();
    Matcher m = Pattern.compile(Pattern.quote(String.valueOf(sigil)) + "[a-z]+").matcher(expression);
    while (m.find()) {
      found.add(m.group());
    }
    return found;
  }
}
