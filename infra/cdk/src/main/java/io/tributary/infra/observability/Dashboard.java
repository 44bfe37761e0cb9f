package io.tributary.infra.observability;

import io.tributary.core.metrics.EmfLine;
import io.tributary.core.metrics.MetricNames;
import io.tributary.infra.storage.JobQueue;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.apigatewayv2.HttpApi;
import software.amazon.awscdk.services.cloudfront.Distribution;
import software.amazon.awscdk.services.cloudwatch.AlarmStatusWidget;
import software.amazon.awscdk.services.cloudwatch.GraphWidget;
import software.amazon.awscdk.services.cloudwatch.IAlarm;
import software.amazon.awscdk.services.cloudwatch.IMetric;
import software.amazon.awscdk.services.cloudwatch.MathExpression;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.cloudwatch.SingleValueWidget;
import software.amazon.awscdk.services.elasticloadbalancingv2.NetworkLoadBalancer;
import software.constructs.Construct;

/**
 * One CloudWatch dashboard of the pipeline, left to right as media flows: live streams and
 * ingest bitrate (ingest EMF), job backlog (SQS), transcode real-time factor, latency and
 * failures (transcode EMF), manifest age (playlist EMF), and 4xx/5xx at CloudFront and the API.
 */
public final class Dashboard extends Construct {
  private final software.amazon.awscdk.services.cloudwatch.Dashboard dashboard;

  public Dashboard(Construct scope, String id, String name, NetworkLoadBalancer ingest, JobQueue jobs,
                   Distribution cdn, HttpApi api, List<? extends IAlarm> alarms) {
    super(scope, id);
    MetricOptions max = MetricOptions.builder().statistic("Maximum").period(Duration.minutes(1)).build();
    MetricOptions sum = MetricOptions.builder().statistic("Sum").period(Duration.minutes(1)).build();
    MetricOptions avg = MetricOptions.builder().statistic("Average").period(Duration.minutes(1)).build();
    dashboard = software.amazon.awscdk.services.cloudwatch.Dashboard.Builder.create(this, "Dashboard")
        .dashboardName(name)
        .defaultInterval(Duration.hours(3))
        .build();
    dashboard.addWidgets(
        SingleValueWidget.Builder.create().title("Live streams / RTMP connections").width(6)
            .metrics(List.of(emf(MetricNames.INGEST, MetricNames.ACTIVE_PUBLISHERS, "Sum"),
                ingest.getMetrics().activeFlowCount(avg))).build(),
        graph("Ingest bitrate (kbit/s)", List.of(
            emf(MetricNames.INGEST, MetricNames.INGEST_BITRATE_KBPS, "Average"),
            emf(MetricNames.INGEST, MetricNames.INGEST_BITRATE_KBPS, "Maximum"))),
        graph("Job backlog", List.of(
            jobs.queue().metricApproximateNumberOfMessagesVisible(max),
            jobs.queue().metricApproximateNumberOfMessagesNotVisible(max),
            jobs.dlq().metricApproximateNumberOfMessagesVisible(max))),
        graph("Oldest job (s)", List.of(jobs.queue().metricApproximateAgeOfOldestMessage(max))));
    dashboard.addWidgets(
        graph("Transcode real-time factor (media s / wall s)", List.of(
            emf(MetricNames.TRANSCODE, MetricNames.REAL_TIME_FACTOR, "Average"),
            emf(MetricNames.TRANSCODE, MetricNames.REAL_TIME_FACTOR, "p10"))),
        graph("Chunk → indexed latency (ms)", List.of(
            emf(MetricNames.TRANSCODE, MetricNames.JOB_LATENCY_MS, "p50"),
            emf(MetricNames.TRANSCODE, MetricNames.JOB_LATENCY_MS, "p95"))),
        graph("Transcode failures", List.of(emf(MetricNames.TRANSCODE, MetricNames.JOB_FAILURES, "Sum"))),
        graph("Manifest age (s)", List.of(
            emf(MetricNames.PLAYLIST, MetricNames.MANIFEST_AGE_SECONDS, "Maximum"),
            emf(MetricNames.PLAYLIST, MetricNames.MANIFEST_AGE_SECONDS, "Average"))));
    // The playlist function also counts manifests per kind (a second dimension, so a SEARCH
    // collects every kind without this app knowing their names).
    dashboard.addWidgets(graph("Manifests served / failed, by kind", List.of(
        search("ManifestRequests", "Sum"), search("ManifestErrors", "Sum"), search("ManifestRenderMs", "p99"))));
    dashboard.addWidgets(
        graph("CloudFront 4xx / 5xx (%)", List.of(cdn.metric4xxErrorRate(avg), cdn.metric5xxErrorRate(avg))),
        graph("API 4xx / 5xx", List.of(api.metricClientError(sum), api.metricServerError(sum))),
        AlarmStatusWidget.Builder.create().title("Alarms").width(12).alarms(List.copyOf(alarms)).build());
  }

  private static IMetric search(String metric, String statistic) {
    return MathExpression.Builder.create()
        .expression("SEARCH('{" + EmfLine.NAMESPACE + "," + MetricNames.SERVICE + ",Kind} " + MetricNames.SERVICE
            + "=\"" + MetricNames.PLAYLIST + "\" MetricName=\"" + metric + "\"', '" + statistic + "', 60)")
        .usingMetrics(Map.of())
        .label(metric)
        .period(Duration.minutes(1))
        .build();
  }

  private static IMetric emf(String service, String name, String statistic) {
    return EmfMetrics.of(service, name, statistic);
  }

  private static GraphWidget graph(String title, List<IMetric> metrics) {
    return GraphWidget.Builder.create().title(title).width(6).height(6).left(metrics).build();
  }

  public software.amazon.awscdk.services.cloudwatch.Dashboard dashboard() {
    return dashboard;
  }
}
