package io.tributary.api.reaper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class TaskStateChangeTest {
  private static final String TASK = "arn:aws:ecs:us-east-1:123456789012:task/tributary-Cluster-EXAMPLE/"
      + "4f1e2d3c4b5a69788796a5b4c3d2e1f0";

  private static String event(String detail) {
    return "{\"version\":\"0\",\"id\":\"e-1\",\"detail-type\":\"ECS Task State Change\",\"source\":\"aws.ecs\","
        + "\"detail\":{" + detail + "}}";
  }

  @Test
  void readsTheFieldsTheReaperUses() {
    TaskStateChange c = TaskStateChange.parse(event("\"clusterArn\":\"arn:aws:ecs:us-east-1:123456789012:cluster/"
        + "tributary-Cluster-EXAMPLE\",\"taskArn\":\"" + TASK + "\",\"lastStatus\":\"STOPPED\",\"stopCode\":"
        + "\"SpotInterruption\",\"taskDefinitionArn\":\"arn:aws:ecs:us-east-1:123456789012:task-definition/"
        + "tributaryIngestTask1A2B3C4D:12\",\"containers\":[{\"lastStatus\":\"STOPPED\"}]")).orElseThrow();
    assertEquals("e-1", c.eventId());
    assertEquals("4f1e2d3c4b5a69788796a5b4c3d2e1f0", c.task().taskId());
    assertEquals("tributaryIngestTask1A2B3C4D", c.family());
    assertEquals(Optional.of("SpotInterruption"), c.stopCode());
    assertTrue(c.stopped());
  }

  @Test
  void aRunningTaskHasNoStopCode() {
    TaskStateChange c = TaskStateChange.parse(event("\"clusterArn\":\"c\",\"taskArn\":\"" + TASK + "\","
        + "\"lastStatus\":\"RUNNING\",\"taskDefinitionArn\":\"arn:aws:ecs:us-east-1:1:task-definition/f:1\""))
        .orElseThrow();
    assertFalse(c.stopped());
    assertEquals(Optional.empty(), c.stopCode());
  }

  @Test
  void otherEventsAreNotTaskStateChanges() {
    assertEquals(Optional.empty(), TaskStateChange.parse("{\"source\":\"aws.ecs\",\"detail-type\":"
        + "\"ECS Deployment State Change\",\"detail\":{}}"));
    assertEquals(Optional.empty(), TaskStateChange.parse("{\"source\":\"tributary.api\",\"detail-type\":"
        + "\"ECS Task State Change\"}"));
    assertEquals(Optional.empty(), TaskStateChange.parse("[]"));
  }

  @Test
  void aTaskStateChangeMissingWhatMattersIsRefusedByName() {
    InvalidTaskEventException noCluster = assertThrows(InvalidTaskEventException.class,
        () -> TaskStateChange.parse(event("\"taskArn\":\"" + TASK + "\",\"lastStatus\":\"STOPPED\"")));
    assertTrue(noCluster.getMessage().startsWith("ECS task state change without detail.clusterArn: "));
    InvalidTaskEventException badTask = assertThrows(InvalidTaskEventException.class,
        () -> TaskStateChange.parse(event("\"clusterArn\":\"c\",\"taskArn\":\"task-1\",\"lastStatus\":\"STOPPED\","
            + "\"taskDefinitionArn\":\"arn:aws:ecs:us-east-1:1:task-definition/f:1\"")));
    assertTrue(badTask.getMessage().startsWith("not an ECS task ARN: task-1"), badTask.getMessage());
    InvalidTaskEventException badDefinition = assertThrows(InvalidTaskEventException.class,
        () -> TaskStateChange.parse(event("\"clusterArn\":\"c\",\"taskArn\":\"" + TASK + "\","
            + "\"lastStatus\":\"STOPPED\",\"taskDefinitionArn\":\"f:1\"")));
    assertTrue(badDefinition.getMessage().startsWith("detail.taskDefinitionArn is not"), badDefinition.getMessage());
    assertThrows(InvalidTaskEventException.class, () -> TaskStateChange.parse("{"));
  }
}
