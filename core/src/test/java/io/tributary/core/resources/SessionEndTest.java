package io.tributary.core.resources;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class SessionEndTest {
  private static final long ENDED_AT_MS = 1_764_100_000_123L;

  @Test
  void anUnrecordedSessionWithChunksGetsItsLastSeqAndAnExpiry() {
    SessionEnd end = new SessionEnd("st_abcdefghijklmnopqrst", "s1", ENDED_AT_MS, "unpublish", OptionalLong.of(41), false);
    assertEquals("SET #st = :ended, #ea = :at, #er = :reason, #lq = :lq, #exp = :exp", end.updateExpression());
    assertEquals(SessionsTable.LAST_SEQ, end.names().get("#lq"));
    assertEquals("41", end.values().get(":lq").n());
    assertEquals(Long.toString(1_764_100_000L + SessionEnd.UNRECORDED_RETENTION_S), end.values().get(":exp").n());
    assertEquals(SessionEnd.ENDED, end.values().get(":ended").s());
    assertEquals("s1", end.key().get(SessionsTable.SESSION_ID).s());
  }

  @Test
  void aRecordedSessionWithoutChunksKeepsNeither() {
    SessionEnd end = new SessionEnd("st_abcdefghijklmnopqrst", "s2", ENDED_AT_MS, "task-stopped", OptionalLong.empty(), true);
    assertEquals("SET #st = :ended, #ea = :at, #er = :reason", end.updateExpression());
    assertFalse(end.names().containsKey("#lq") || end.names().containsKey("#exp"));
    assertFalse(end.values().containsKey(":lq") || end.values().containsKey(":exp"));
  }
}
