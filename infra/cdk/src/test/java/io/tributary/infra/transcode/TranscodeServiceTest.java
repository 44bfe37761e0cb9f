package io.tributary.infra.transcode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.infra.Synth;
import io.tributary.infra.Templates;
import io.tributary.infra.config.ServiceContract;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.applicationautoscaling.ScalingInterval;

class TranscodeServiceTest {
  private final Template t = Synth.defaults().template();

  /** The task count the steps give for a backlog, as Application Auto Scaling would pick it. */
  private static int tasksFor(List<ScalingInterval> steps, double backlog) {
    for (ScalingInterval s : steps) {
      double lower = s.getLower() == null ? Double.NEGATIVE_INFINITY : s.getLower().doubleValue();
      double upper = s.getUpper() == null ? Double.POSITIVE_INFINITY : s.getUpper().doubleValue();
      if (backlog >= lower && backlog < upper) {
        return s.getChange().intValue();
      }
    }
    throw new AssertionError("no step for " + backlog);
  }

  @Test
  void stepsGiveCeilOfBacklogPerTaskWithinMinAndMax() {
    List<ScalingInterval> steps = TranscodeService.steps(0, 10, 4);
    assertEquals(0, tasksFor(steps, 0));
    assertEquals(1, tasksFor(steps, 1));
    assertEquals(1, tasksFor(steps, 4));
    assertEquals(2, tasksFor(steps, 5));
    assertEquals(3, tasksFor(steps, 12));
    assertEquals(10, tasksFor(steps, 40));
    assertEquals(10, tasksFor(steps, 10_000));
    List<ScalingInterval> floor = TranscodeService.steps(2, 3, 4);
    assertEquals(2, tasksFor(floor, 0));
    assertEquals(2, tasksFor(floor, 1));
    assertEquals(3, tasksFor(floor, 9));
    assertEquals(3, tasksFor(floor, 500));
    // Beyond MAX_STEPS distinct counts the last step jumps to the maximum.
    List<ScalingInterval> wide = TranscodeService.steps(0, 50, 2);
    assertEquals(TranscodeService.MAX_STEPS + 1, wide.size());
    assertEquals(50, tasksFor(wide, 19));
    assertNull(wide.get(wide.size() - 1).getUpper());
  }

  @Test
  void fargateWorkersMostlyOnSpotScaledOnBacklog() {
    Map<String, Object> svc = Templates.properties(Templates.one(t, "AWS::ECS::Service", "TranscodeService"));
    assertEquals(0, svc.get("DesiredCount"));
    String strategy = Templates.text(svc.get("CapacityProviderStrategy"));
    assertTrue(strategy.contains("{\"CapacityProvider\":\"FARGATE_SPOT\",\"Weight\":3}"), strategy);
    assertTrue(strategy.contains("{\"CapacityProvider\":\"FARGATE\",\"Weight\":1}"), strategy);
    String association = Templates.resources(t, "AWS::ECS::ClusterCapacityProviderAssociations").keySet()
        .iterator().next();
    assertTrue(Templates.text(Templates.one(t, "AWS::ECS::Service", "TranscodeService").get("DependsOn"))
        .contains(association), "the Spot strategy waits for the cluster's provider association");
    t.hasResourceProperties("AWS::ApplicationAutoScaling::ScalableTarget", Match.objectLike(Map.of(
        "MinCapacity", 0, "MaxCapacity", 10)));
    t.hasResourceProperties("AWS::ApplicationAutoScaling::ScalingPolicy", Match.objectLike(Map.of(
        "PolicyType", "StepScaling",
        "StepScalingPolicyConfiguration", Match.objectLike(Map.of("AdjustmentType", "ExactCapacity")))));
    String env = Templates.text(Templates.one(t, "AWS::ECS::TaskDefinition", "TranscodeTask"));
    assertTrue(env.contains("{\"Name\":\"TRIBUTARY_EMF\",\"Value\":\"true\"}"), env);
    assertTrue(env.contains("{\"Name\":\"TRIBUTARY_MAX_RECEIVE_COUNT\",\"Value\":\"3\"}"), env);
    // The alarms behind the step policies watch visible + in-flight jobs.
    t.hasResourceProperties("AWS::CloudWatch::Alarm", Match.objectLike(Map.of(
        "Metrics", Match.arrayWith(List.of(Match.objectLike(Map.of("Expression", "visible + inflight")))))));
  }

  @Test
  void lambdaModeReplacesTheWorkersWithAnSqsTriggeredFunction() {
    Template v = Synth.variant().template();
    v.resourceCountIs("AWS::ECS::Service", 1);
    v.hasResourceProperties("AWS::Lambda::EventSourceMapping", Match.objectLike(Map.of(
        "BatchSize", 1,
        "FunctionResponseTypes", List.of("ReportBatchItemFailures"),
        "ScalingConfig", Map.of("MaximumConcurrency", 20))));
    v.hasResourceProperties("AWS::Lambda::Function", Match.objectLike(Map.of(
        "Handler", ServiceContract.TRANSCODE_HANDLER,
        "Architectures", List.of("x86_64"),
        "MemorySize", TranscodeFunction.MEMORY_MB,
        // Must end before the job's 60 s visibility timeout hands it to another consumer.
        "Timeout", 50,
        "Layers", List.of(Match.objectLike(Map.of("Ref", Match.stringLikeRegexp("FfmpegLayer.*")))),
        "Environment", Map.of("Variables", Match.objectLike(Map.of(
            "TRIBUTARY_FFMPEG", "/opt/bin/ffmpeg", "TRIBUTARY_FFPROBE", "/opt/bin/ffprobe",
            "TRIBUTARY_MAX_RECEIVE_COUNT", "3", "TRIBUTARY_FFMPEG_TIMEOUT_SECONDS", "40"))))));
    v.hasResourceProperties("AWS::Lambda::LayerVersion", Match.objectLike(Map.of(
        "CompatibleArchitectures", List.of("x86_64"), "CompatibleRuntimes", List.of("java21"))));
  }
}
