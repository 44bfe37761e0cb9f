package io.tributary.infra.functions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.infra.Synth;
import io.tributary.infra.Templates;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Template;

class MediaSweepTest {
  private final Template t = Synth.defaults().template();

  @Test
  void theSweepQueueOutlastsSixTimeoutsAndRedrivesToItsDlq() {
    Map<String, Object> q = Templates.properties(Templates.one(t, "AWS::SQS::Queue", "MediaSweepQueue"));
    assertEquals(MediaSweep.TIMEOUT_S * 6, q.get("VisibilityTimeout"));
    String redrive = Templates.text(q.get("RedrivePolicy"));
    assertTrue(redrive.contains("MediaSweepDlq") && redrive.contains("\"maxReceiveCount\":"
        + MediaSweep.MAX_RECEIVE_COUNT), redrive);
    assertEquals("true", Templates.text(q.get("SqsManagedSseEnabled")));
  }

  @Test
  void theFunctionConsumesItWithPartialBatchFailures() {
    Map<String, Object> esm = Templates.properties(Templates.one(t, "AWS::Lambda::EventSourceMapping",
        "MediaSweepPurgeAliasSqsEventSource"));
    assertEquals(5, esm.get("BatchSize"));
    assertEquals(List.of("ReportBatchItemFailures"), esm.get("FunctionResponseTypes"));
    assertEquals(Map.of("MaximumConcurrency", 2), esm.get("ScalingConfig"));
    Map<String, Object> fn = Templates.properties(Templates.one(t, "AWS::Lambda::Function", "MediaSweepPurgeFunction"));
    assertEquals(MediaSweep.HANDLER, fn.get("Handler"));
    assertEquals(MediaSweep.TIMEOUT_S, fn.get("Timeout"));
    String env = Templates.text(fn.get("Environment"));
    assertTrue(env.contains("\"TRIBUTARY_SWEEP_QUEUE_URL\":{\"Ref\":\"MediaSweepQueue"), env);
    assertTrue(env.contains("\"TRIBUTARY_MEDIA_BUCKET\":{\"Ref\":\"BucketsMedia"), env);
    assertTrue(env.contains("\"TRIBUTARY_STREAMS_TABLE\":{\"Ref\":\"TablesStreams"), env);
    assertTrue(!env.contains("PLAYBACK_SECRET"), env);
  }
}
