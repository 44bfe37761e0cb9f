package io.tributary.infra.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tributary.core.resources.QueueSpec;
import io.tributary.infra.Synth;
import io.tributary.infra.config.Naming;
import io.tributary.infra.Templates;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

class JobQueueTest {
  private final Template t = Synth.defaults().template();
  private final QueueSpec spec = new Naming("tributary").schema().jobQueue();

  @Test
  void queueAndDlqFollowTheSpec() {
    assertEquals(2, Templates.resources(t, "AWS::SQS::Queue").keySet().stream().filter(id -> id.startsWith("Jobs"))
        .count());
    t.hasResourceProperties("AWS::SQS::Queue", Map.of(
        "VisibilityTimeout", (int) spec.visibilityTimeout().toSeconds(),
        "MessageRetentionPeriod", (int) spec.retention().toSeconds(),
        "SqsManagedSseEnabled", true,
        "RedrivePolicy", Match.objectLike(Map.of("maxReceiveCount", spec.maxReceiveCount()))));
    t.hasResourceProperties("AWS::SQS::Queue", Map.of(
        "MessageRetentionPeriod", (int) spec.dlqRetention().toSeconds(),
        "SqsManagedSseEnabled", true));
  }

  @Test
  void bothQueuesRefusePlainHttp() {
    // Every queue of the stack, the sweep and change-failure queues too.
    t.resourceCountIs("AWS::SQS::QueuePolicy", Templates.resources(t, "AWS::SQS::Queue").size());
    Templates.resources(t, "AWS::SQS::QueuePolicy").values().forEach(p ->
        t.hasResourceProperties("AWS::SQS::QueuePolicy", Match.objectLike(Map.of(
            "Queues", Templates.properties(p).get("Queues"),
            "PolicyDocument", Match.objectLike(Map.of("Statement", Match.arrayWith(List.of(Match.objectLike(Map.of(
                "Effect", "Deny",
                "Condition", Map.of("Bool", Map.of("aws:SecureTransport", "false"))))))))))));
  }
}
