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

class StreamChangesTest {
  private final Template t = Synth.defaults().template();

  @Test
  void theStreamsTableAloneHasAChangeStreamWithBothImages() {
    t.hasResourceProperties("AWS::DynamoDB::Table", Match.objectLike(Map.of(
        "KeySchema", List.of(Map.of("AttributeName", "streamId", "KeyType", "HASH")),
        "StreamSpecification", Map.of("StreamViewType", "NEW_AND_OLD_IMAGES"))));
    long withStreams = Templates.resources(t, "AWS::DynamoDB::Table").values().stream()
        .filter(r -> Templates.properties(r).containsKey("StreamSpecification")).count();
    assertEquals(1, withStreams);
  }

  @Test
  void theMappingBisectsRetriesReportsItemFailuresAndParksFailuresOnAQueue() {
    Map<String, Object> esm = Templates.properties(Templates.one(t, "AWS::Lambda::EventSourceMapping",
        "StreamChangesHandlerAliasDynamoDBEventSource"));
    assertEquals(StreamChanges.BATCH_SIZE, esm.get("BatchSize"));
    assertEquals(true, esm.get("BisectBatchOnFunctionError"));
    assertEquals(StreamChanges.RETRY_ATTEMPTS, esm.get("MaximumRetryAttempts"));
    assertEquals(1, esm.get("ParallelizationFactor"));
    assertEquals("TRIM_HORIZON", esm.get("StartingPosition"));
    assertEquals(List.of("ReportBatchItemFailures"), esm.get("FunctionResponseTypes"));
    String text = Templates.text(esm);
    assertTrue(text.contains("\"EventSourceArn\":{\"Fn::GetAtt\":[\"TablesStreams"), text);
    assertTrue(text.contains("\"StreamArn\"]}"), text);
    assertTrue(text.contains("\"OnFailure\":{\"Destination\":{\"Fn::GetAtt\":[\"StreamChangesFailures"), text);
    // SnapStart applies to published versions only: the mapping invokes the live alias.
    assertTrue(text.contains("StreamChangesHandlerAlias"), text);
  }

  @Test
  void theHandlerGetsItsBusQueueAndSettings() {
    Map<String, Object> fn = Templates.properties(Templates.one(t, "AWS::Lambda::Function",
        "StreamChangesHandlerFunction"));
    assertEquals(StreamChanges.HANDLER, fn.get("Handler"));
    String env = Templates.text(fn.get("Environment"));
    assertTrue(env.contains("\"TRIBUTARY_EVENT_BUS_NAME\":{\"Ref\":\"StreamChangesBus"), env);
    assertTrue(env.contains("\"TRIBUTARY_SWEEP_QUEUE_URL\":{\"Ref\":\"MediaSweepQueue"), env);
    assertTrue(env.contains("\"TRIBUTARY_MEDIA_SWEEP_DELAY_S\":\"900\""), env);
    assertTrue(env.contains("\"TRIBUTARY_HEALTH_EVENT_INTERVAL_S\":\"10\""), env);
    // It needs neither the playback secret nor the admin token: no Micronaut context.
    assertTrue(!env.contains("PLAYBACK_SECRET") && !env.contains("ADMIN_TOKEN"), env);
    t.resourceCountIs("AWS::Events::EventBus", 1);
  }

  @Test
  void lostChangesAndFailedSweepsAlarm() {
    String failures = Templates.text(Templates.one(t, "AWS::CloudWatch::Alarm", "AlarmsStreamChangeFailures"));
    assertTrue(failures.contains("StreamChangesFailures") && failures.contains("AlarmsTopic"), failures);
    Map<String, Object> lag = Templates.properties(Templates.one(t, "AWS::CloudWatch::Alarm",
        "AlarmsStreamChangesLagging"));
    assertEquals("IteratorAge", lag.get("MetricName"));
    assertEquals(60_000, lag.get("Threshold"));
    assertTrue(Templates.text(lag.get("Dimensions")).contains("StreamChangesHandlerFunction"), lag.toString());
    String sweep = Templates.text(Templates.one(t, "AWS::CloudWatch::Alarm", "AlarmsSweepDlqNotEmpty"));
    assertTrue(sweep.contains("MediaSweepDlq") && sweep.contains("AlarmsTopic"), sweep);
  }
}
