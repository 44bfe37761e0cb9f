package io.tributary.ingest.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IngestConfigTest {
  private static final Map<String, String> BASE = Map.of("TRIBUTARY_TASK_ID", "task-1");

  @Test
  void readsAreGatheredForFourMillisecondsByDefaultAndTheWindowCanBeTurnedOff() {
    assertEquals(Duration.ofMillis(4), IngestConfig.fromEnv(BASE).ioCoalesce());
    assertEquals(Duration.ZERO, IngestConfig.fromEnv(with("TRIBUTARY_INGEST_IO_COALESCE_US", "0")).ioCoalesce());
    assertEquals(Duration.ofMillis(5), IngestConfig.fromEnv(with("TRIBUTARY_INGEST_IO_COALESCE_US", "5000")).ioCoalesce());
  }

  @Test
  void oneEventLoopPerCoreByDefault() {
    assertEquals(Runtime.getRuntime().availableProcessors(), IngestConfig.fromEnv(BASE).ioThreads());
    assertEquals(3, IngestConfig.fromEnv(with("TRIBUTARY_INGEST_IO_THREADS", "3")).ioThreads());
    assertThrows(IllegalArgumentException.class, () -> IngestConfig.fromEnv(with("TRIBUTARY_INGEST_IO_THREADS", "0")));
  }

  @Test
  void aWindowPastTwentyMillisecondsIsRefusedByName() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> IngestConfig.fromEnv(with("TRIBUTARY_INGEST_IO_COALESCE_US", "50000")));
    assertTrue(e.getMessage().contains("TRIBUTARY_INGEST_IO_COALESCE_US"), e.getMessage());
  }

  private static Map<String, String> with(String k, String v) {
    return Map.of("TRIBUTARY_TASK_ID", "task-1", k, v);
  }
}
