package io.tributary.transcode.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WorkerConfigTest {
  @Test
  void defaultsMatchTheDocumentation() {
    WorkerConfig c = WorkerConfig.fromEnv(Map.of());
    assertEquals(1, c.concurrency());
    assertEquals(Duration.ofSeconds(30), c.visibility());
    assertEquals(Duration.ofSeconds(10), c.retryDelay());
    assertEquals(Duration.ofSeconds(20), c.pollWait());
    assertEquals(3, c.maxReceiveCount(), "the queue's redrive maxReceiveCount from core Schema");
    assertEquals("veryfast", c.x264Preset());
    assertEquals(8083, c.metricsPort());
    assertFalse(c.emf());
    assertEquals(Duration.ofSeconds(25), c.shutdownGrace());
  }

  @Test
  void valuesComeFromTheEnvironment() {
    WorkerConfig c = WorkerConfig.fromEnv(Map.of("TRIBUTARY_WORKER_CONCURRENCY", "2", "TRIBUTARY_EMF", "true",
        "TRIBUTARY_VISIBILITY_SECONDS", "45", "TRIBUTARY_TRANSCODE_METRICS_PORT", "0"));
    assertEquals(2, c.concurrency());
    assertTrue(c.emf());
    assertEquals(Duration.ofSeconds(45), c.visibility());
    assertEquals(0, c.metricsPort());
  }

  @Test
  void badValuesNameTheVariable() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> WorkerConfig.fromEnv(Map.of("TRIBUTARY_WORKER_CONCURRENCY", "0")));
    assertTrue(e.getMessage().contains("TRIBUTARY_WORKER_CONCURRENCY=0"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> WorkerConfig.fromEnv(Map.of("TRIBUTARY_POLL_WAIT_SECONDS", "x")));
    assertTrue(e.getMessage().contains("TRIBUTARY_POLL_WAIT_SECONDS=x"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> WorkerConfig.fromEnv(Map.of("TRIBUTARY_POLL_WAIT_SECONDS", "21")));
    assertTrue(e.getMessage().contains("SQS limit"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> WorkerConfig.fromEnv(Map.of("TRIBUTARY_X264_PRESET", "turbo")));
    assertTrue(e.getMessage().contains("turbo"), e.getMessage());
  }
}
