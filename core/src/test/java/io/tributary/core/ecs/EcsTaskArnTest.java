package io.tributary.core.ecs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class EcsTaskArnTest {
  @Test
  void newFormatCarriesClusterAndTaskId() {
    EcsTaskArn a = EcsTaskArn.parse("arn:aws:ecs:us-east-1:123456789012:task/tributary-Cluster-EXAMPLE/"
        + "4f1e2d3c4b5a69788796a5b4c3d2e1f0");
    assertEquals(Optional.of("tributary-Cluster-EXAMPLE"), a.cluster());
    assertEquals("4f1e2d3c4b5a69788796a5b4c3d2e1f0", a.taskId());
  }

  @Test
  void oldFormatAndOtherPartitions() {
    EcsTaskArn old = EcsTaskArn.parse("arn:aws:ecs:eu-west-1:123456789012:task/1dc5c17a-422b-4dc4-b493-371970c6c4d6");
    assertEquals(Optional.empty(), old.cluster());
    assertEquals("1dc5c17a-422b-4dc4-b493-371970c6c4d6", old.taskId());
    assertEquals("abc123", EcsTaskArn.parse("arn:aws-cn:ecs:cn-north-1:123456789012:task/c/abc123").taskId());
  }

  @Test
  void anythingElseIsRefusedByName() {
    for (String bad : new String[] {"", "arn:aws:ecs:us-east-1:123456789012:cluster/c",
        "arn:aws:ecs:us-east-1:123456789012:task/c/", "arn:aws:lambda:us-east-1:123456789012:task/c/x",
        "arn:aws:ecs:us-east-1:123456789012:task/a/b/c"}) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> EcsTaskArn.parse(bad));
      assertEquals("not an ECS task ARN: " + bad, e.getMessage());
    }
    assertThrows(IllegalArgumentException.class, () -> EcsTaskArn.parse(null));
  }
}
