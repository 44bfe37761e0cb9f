package io.tributary.infra.functions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.infra.Synth;
import io.tributary.infra.Templates;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

class LeaseReaperTest {
  private final Template t = Synth.defaults().template();

  private String ingestFamily() {
    return (String) Templates.properties(Templates.one(t, "AWS::ECS::TaskDefinition", "IngestTask")).get("Family");
  }

  @Test
  void theRuleMatchesOnlyStoppedIngestTasksOfThisCluster() {
    Map<String, Object> rule = Templates.properties(Templates.one(t, "AWS::Events::Rule", "LeaseReaperTaskStopped"));
    @SuppressWarnings("unchecked")
    Map<String, Object> pattern = (Map<String, Object>) rule.get("EventPattern");
    assertEquals(List.of("aws.ecs"), pattern.get("source"));
    assertEquals(List.of("ECS Task State Change"), pattern.get("detail-type"));
    assertTrue(!rule.containsKey("EventBusName"), "the default bus: ECS sends its events there");
    String detail = Templates.text(pattern.get("detail"));
    assertTrue(detail.contains("\"lastStatus\":[\"STOPPED\"]"), detail);
    assertTrue(detail.contains("\"clusterArn\":[{\"Fn::GetAtt\":[\"Cluster"), detail);
    // Transcode workers share the cluster but hold no lease: only ingest's task definition family.
    assertTrue(detail.contains("\"taskDefinitionArn\":[{\"prefix\":{\"Fn::Join\"") && detail.contains(
        ":task-definition/" + ingestFamily() + ":\""), detail);
  }

  @Test
  void theRuleInvokesTheLiveAliasWithRetriesAndADeadLetterQueue() {
    Map<String, Object> rule = Templates.properties(Templates.one(t, "AWS::Events::Rule", "LeaseReaperTaskStopped"));
    String target = Templates.text(rule.get("Targets"));
    assertTrue(target.contains("\"Arn\":{\"Ref\":\"LeaseReaperHandlerAlias"), target);
    assertTrue(target.contains("\"DeadLetterConfig\":{\"Arn\":{\"Fn::GetAtt\":[\"LeaseReaperFailures"), target);
    assertTrue(target.contains("\"MaximumRetryAttempts\":" + LeaseReaper.EVENT_RETRIES), target);
    // EventBridge may put to the queue only for this rule.
    String queuePolicy = Templates.text(Templates.one(t, "AWS::SQS::QueuePolicy", "LeaseReaperFailuresPolicy"));
    assertTrue(queuePolicy.contains("\"Principal\":{\"Service\":\"events.amazonaws.com\"}")
        && queuePolicy.contains("\"aws:SourceArn\":{\"Fn::GetAtt\":[\"LeaseReaperTaskStopped"), queuePolicy);
    String permission = Templates.text(Templates.one(t, "AWS::Lambda::Permission", "LeaseReaperTaskStoppedAllow"));
    assertTrue(permission.contains("\"Principal\":\"events.amazonaws.com\"")
        && permission.contains("\"SourceArn\":{\"Fn::GetAtt\":[\"LeaseReaperTaskStopped"), permission);
  }

  @Test
  void failedInvocationsEndInTheSameQueueWhichAlarms() {
    Map<String, Object> config = Templates.properties(Templates.one(t, "AWS::Lambda::EventInvokeConfig",
        "LeaseReaperHandlerAlias"));
    assertEquals(LeaseReaper.LAMBDA_RETRIES, config.get("MaximumRetryAttempts"));
    assertTrue(Templates.text(config.get("DestinationConfig")).contains("LeaseReaperFailures"), config.toString());
    String alarm = Templates.text(Templates.one(t, "AWS::CloudWatch::Alarm", "AlarmsLeaseReaperFailures"));
    assertTrue(alarm.contains("LeaseReaperFailures") && alarm.contains("AlarmsTopic"), alarm);
  }

  @Test
  void theHandlerKnowsIngestsClusterAndFamily() {
    Map<String, Object> fn = Templates.properties(Templates.one(t, "AWS::Lambda::Function",
        "LeaseReaperHandlerFunction"));
    assertEquals(LeaseReaper.HANDLER, fn.get("Handler"));
    String env = Templates.text(fn.get("Environment"));
    assertTrue(env.contains("\"TRIBUTARY_INGEST_CLUSTER_ARN\":{\"Fn::GetAtt\":[\"Cluster"), env);
    assertTrue(env.contains("\"TRIBUTARY_INGEST_TASK_FAMILY\":\"" + ingestFamily() + "\""), env);
    assertTrue(env.contains("\"TRIBUTARY_STREAMS_TABLE\":{\"Ref\":\"TablesStreams")
        && env.contains("\"TRIBUTARY_SESSIONS_TABLE\":{\"Ref\":\"TablesSessions"), env);
    assertTrue(!env.contains("PLAYBACK_SECRET") && !env.contains("ADMIN_TOKEN"), env);
  }

  @Test
  void theStreamsTableHasTheSparseLeaseHolderIndex() {
    t.hasResourceProperties("AWS::DynamoDB::Table", Match.objectLike(Map.of(
        "KeySchema", List.of(Map.of("AttributeName", "streamId", "KeyType", "HASH")),
        "GlobalSecondaryIndexes", Match.arrayWith(List.of(Match.objectLike(Map.of(
            "IndexName", "byLeaseTask",
            "KeySchema", List.of(Map.of("AttributeName", "liveTaskId", "KeyType", "HASH")))))))));
  }
}
