package io.tributary.api.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ReaperHandlerConfigTest {
  private static final String CLUSTER = "arn:aws:ecs:us-east-1:123456789012:cluster/tributary-Cluster-EXAMPLE";

  @Test
  void readsClusterAndFamily() {
    ReaperHandlerConfig c = ReaperHandlerConfig.fromEnv(Map.of(ReaperHandlerConfig.CLUSTER_ARN, CLUSTER + " ",
        ReaperHandlerConfig.TASK_FAMILY, "tributaryIngestTask1A2B3C4D"));
    assertEquals(CLUSTER, c.clusterArn());
    assertEquals("tributaryIngestTask1A2B3C4D", c.taskFamily());
    assertEquals(16, c.concurrency());
  }

  @Test
  void bothAreRequiredAndNamedWhenWrong() {
    IllegalArgumentException noCluster = assertThrows(IllegalArgumentException.class,
        () -> ReaperHandlerConfig.fromEnv(Map.of(ReaperHandlerConfig.TASK_FAMILY, "f")));
    assertEquals("TRIBUTARY_INGEST_CLUSTER_ARN=null is not an ECS cluster ARN", noCluster.getMessage());
    IllegalArgumentException badFamily = assertThrows(IllegalArgumentException.class,
        () -> ReaperHandlerConfig.fromEnv(Map.of(ReaperHandlerConfig.CLUSTER_ARN, CLUSTER,
            ReaperHandlerConfig.TASK_FAMILY, "ingest:7")));
    assertEquals("TRIBUTARY_INGEST_TASK_FAMILY=ingest:7 is not a task definition family", badFamily.getMessage());
    IllegalArgumentException zero = assertThrows(IllegalArgumentException.class,
        () -> ReaperHandlerConfig.fromEnv(Map.of(ReaperHandlerConfig.CLUSTER_ARN, CLUSTER,
            ReaperHandlerConfig.TASK_FAMILY, "f", ReaperHandlerConfig.CONCURRENCY, "0")));
    assertEquals("TRIBUTARY_REAPER_CONCURRENCY=0 is outside 1..256", zero.getMessage());
    assertThrows(IllegalArgumentException.class, () -> ReaperHandlerConfig.fromEnv(Map.of(
        ReaperHandlerConfig.CLUSTER_ARN, "arn:aws:ecs:us-east-1:123456789012:service/c/s",
        ReaperHandlerConfig.TASK_FAMILY, "f")));
  }
}
