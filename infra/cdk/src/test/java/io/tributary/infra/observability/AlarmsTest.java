package io.tributary.infra.observability;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.core.metrics.MetricNames;
import io.tributary.infra.Synth;
import io.tributary.infra.Templates;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

class AlarmsTest {
  private final Template t = Synth.defaults().template();

  private void alarmOn(String namespace, String metric, Object threshold) {
    t.hasResourceProperties("AWS::CloudWatch::Alarm", Match.objectLike(Map.of(
        "Namespace", namespace, "MetricName", metric, "Threshold", threshold,
        "TreatMissingData", "notBreaching",
        "AlarmActions", List.of(Map.of("Ref", Match.stringLikeRegexp("AlarmsTopic.*"))))));
  }

  @Test
  void pipelineAlarmsNotifyTheTopic() {
    alarmOn("AWS/SQS", "ApproximateNumberOfMessagesVisible", 1);
    alarmOn("Tributary", MetricNames.MANIFEST_AGE_SECONDS, 10);
    alarmOn("AWS/NetworkELB", "UnHealthyHostCount", 1);
    alarmOn("AWS/SQS", "ApproximateAgeOfOldestMessage", Alarms.BACKLOG_AGE_SECONDS);
    String dlqAlarm = Templates.text(Templates.one(t, "AWS::CloudWatch::Alarm", "AlarmsDlqNotEmpty"));
    assertTrue(dlqAlarm.contains("JobsDlq"), dlqAlarm);
    t.hasResourceProperties("AWS::SNS::TopicPolicy", Match.objectLike(Map.of("PolicyDocument", Match.objectLike(
        Map.of("Statement", Match.arrayWith(List.of(Match.objectLike(Map.of("Effect", "Deny",
            "Condition", Map.of("Bool", Map.of("aws:SecureTransport", "false")))))))))));
    t.resourceCountIs("AWS::SNS::Subscription", 0);
    Synth.variant().template().hasResourceProperties("AWS::SNS::Subscription",
        Map.of("Protocol", "email", "Endpoint", "ops@example.com", "TopicArn", Match.anyValue()));
  }

  @Test
  void dashboardReadsTheServicesEmfMetrics() {
    String body = Templates.text(Templates.properties(Templates.one(t, "AWS::CloudWatch::Dashboard", "Dashboard")));
    for (String metric : List.of(MetricNames.ACTIVE_PUBLISHERS, MetricNames.INGEST_BITRATE_KBPS,
        MetricNames.REAL_TIME_FACTOR, MetricNames.JOB_LATENCY_MS, MetricNames.JOB_FAILURES,
        MetricNames.MANIFEST_AGE_SECONDS)) {
      assertTrue(body.contains("\\\"Tributary\\\",\\\"" + metric + "\\\",\\\"Service\\\""), metric + " in " + body);
    }
    for (String metric : List.of("ManifestRequests", "ManifestErrors", "ManifestRenderMs")) {
      assertTrue(body.matches("(?s).*SEARCH\\('\\{Tributary,Service,Kind} Service=[^ ]*playlist[^ ]* MetricName=[^ ]*"
          + metric + ".*"), metric + " search in " + body);
    }
    for (String metric : List.of("ApproximateNumberOfMessagesVisible", "ApproximateAgeOfOldestMessage",
        "4xxErrorRate", "5xxErrorRate", "4xx", "5xx")) {
      assertTrue(body.contains("\\\"" + metric + "\\\""), metric);
    }
  }
}
