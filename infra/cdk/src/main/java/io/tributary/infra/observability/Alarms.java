package io.tributary.infra.observability;

import io.tributary.core.metrics.MetricNames;
import io.tributary.infra.config.InfraConfig;
import io.tributary.infra.storage.JobQueue;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.AlarmProps;
import software.amazon.awscdk.services.cloudwatch.IMetric;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.amazon.awscdk.services.cloudwatch.actions.SnsAction;
import software.amazon.awscdk.services.elasticloadbalancingv2.NetworkTargetGroup;
import software.amazon.awscdk.services.sns.Topic;
import software.amazon.awscdk.services.sqs.IQueue;
import software.amazon.awscdk.services.sns.subscriptions.EmailSubscription;
import software.constructs.Construct;

/**
 * The pipeline's alarms, all to one SNS topic (e-mail subscription optional):
 * a job in the DLQ (a chunk failed for good: a GAP in the playlists), live manifests going stale,
 * an unhealthy ingest task, and jobs waiting too long (transcode falls behind real time).
 * Missing data is not breaching: an idle deployment emits none of these metrics.
 */
public final class Alarms extends Construct {
  /** Oldest job older than this: workers are not keeping up with 2 s chunks. */
  public static final int BACKLOG_AGE_SECONDS = 30;

  private final Topic topic;
  private final Alarm dlqNotEmpty;
  private final Alarm manifestAge;
  private final Alarm ingestUnhealthy;
  private final Alarm backlogAge;
  private final List<Alarm> extra = new ArrayList<>();

  public Alarms(Construct scope, String id, InfraConfig config, JobQueue jobs, NetworkTargetGroup ingestTargets) {
    super(scope, id);
    // Not KMS-encrypted: CloudWatch alarms cannot publish to a topic encrypted with the AWS-managed
    // aws/sns key, a customer-managed key costs $1/month, and these messages carry only alarm
    // names and states. TLS is enforced.
    topic = Topic.Builder.create(this, "Topic")
        .displayName("Tributary alarms")
        .enforceSsl(true)
        .build();
    config.alarmEmail().ifPresent(e -> topic.addSubscription(new EmailSubscription(e)));
    MetricOptions maxPerMinute = MetricOptions.builder().statistic("Maximum").period(Duration.minutes(1)).build();

    dlqNotEmpty = alarm("DlqNotEmpty", jobs.dlq().metricApproximateNumberOfMessagesVisible(maxPerMinute), 1, 1,
        "A transcode job failed maxReceiveCount times and sits in the DLQ: its segment is a GAP. "
            + "Inspect, fix, then redrive.");
    manifestAge = alarm("ManifestAge", EmfMetrics.of(MetricNames.PLAYLIST, MetricNames.MANIFEST_AGE_SECONDS, "Maximum"),
        config.manifestAgeAlarmSeconds(), 2,
        "A live manifest's newest segment is older than " + config.manifestAgeAlarmSeconds()
            + " s: viewers are stalling.");
    ingestUnhealthy = alarm("IngestUnhealthy", ingestTargets.getMetrics().unHealthyHostCount(maxPerMinute), 1, 3,
        "An ingest task fails its /health check behind the NLB.");
    backlogAge = alarm("BacklogAge", jobs.queue().metricApproximateAgeOfOldestMessage(maxPerMinute),
        BACKLOG_AGE_SECONDS, 3, "Transcode jobs wait more than " + BACKLOG_AGE_SECONDS
            + " s: workers are behind real time (check scaling limits and Spot capacity).");
  }

  private Alarm alarm(String id, IMetric metric, double threshold, int periods, String description) {
    Alarm a = new Alarm(this, id, AlarmProps.builder()
        .metric(metric)
        .threshold(threshold)
        .evaluationPeriods(periods)
        .datapointsToAlarm(periods)
        .comparisonOperator(ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD)
        .treatMissingData(TreatMissingData.NOT_BREACHING)
        .alarmDescription(description)
        .build());
    a.addAlarmAction(new SnsAction(topic));
    a.addOkAction(new SnsAction(topic));
    return a;
  }

  public Topic topic() {
    return topic;
  }

  /**
   * One more dead-letter queue to watch: anything in it is work that failed for good (a stream
   * event not delivered, a deleted stream's media not swept).
   */
  public Alarm deadLetters(String id, IQueue queue, String description) {
    return watch(id, queue.metricApproximateNumberOfMessagesVisible(MetricOptions.builder().statistic("Maximum")
        .period(Duration.minutes(1)).build()), 1, 1, description);
  }

  /** One more alarm on this topic: {@code metric} at or above {@code threshold} for {@code periods}. */
  public Alarm watch(String id, IMetric metric, double threshold, int periods, String description) {
    Alarm a = alarm(id, metric, threshold, periods, description);
    extra.add(a);
    return a;
  }

  public List<Alarm> all() {
    List<Alarm> all = new ArrayList<>(List.of(dlqNotEmpty, manifestAge, ingestUnhealthy, backlogAge));
    all.addAll(extra);
    return all;
  }
}
