package io.tributary.infra.config;

import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Everything a deployment may choose, read from CDK context ({@code -c key=value} or
 * {@code cdk.json}) and validated before any construct is built. Defaults fit a small
 * deployment: one ingest task, transcode workers that scale to zero, media kept forever.
 *
 * @param prefix names the stack and tags every resource (lowercase, 2..31 chars)
 * @param transcode where jobs run ({@code transcode=fargate|lambda})
 * @param transcodeMinTasks Fargate workers kept when the queue is empty (0 scales to zero)
 * @param transcodeMaxTasks Fargate worker ceiling
 * @param jobsPerTranscodeTask backlog (visible + in flight) one worker is expected to hold; the
 *     step policy runs ceil(backlog / this) workers
 * @param transcodeSpot run workers mostly on Fargate Spot (jobs are idempotent and redelivered)
 * @param transcodeLambdaConcurrency SQS event source maximum concurrency (Lambda mode)
 * @param ingestMinTasks ingest tasks always running (at least 1: RTMP must answer)
 * @param ingestMaxTasks ingest task ceiling
 * @param publishersPerIngestTask target-tracking value for RTMP connections per task (NLB flows / healthy tasks)
 * @param ingestDrainSeconds NLB deregistration delay: how long a draining task keeps its publishers
 * @param certificateArn ACM certificate for the RTMPS (TLS 443) listener; absent means RTMP only
 * @param ingestDomain DNS name the certificate covers, used in the RTMPS URL output
 * @param mediaRetentionDays days segments stay in the media bucket; 0 keeps them
 * @param manifestAgeAlarmSeconds alarm when the newest live segment is older than this
 * @param alarmEmail optional address subscribed to the alarm topic
 * @param priceClass CloudFront price class: 100, 200 or All
 * @param apiRateLimit steady requests per second for ordinary API routes
 * @param apiBurstLimit burst for ordinary API routes
 */
public record InfraConfig(String prefix, TranscodeMode transcode, int transcodeMinTasks, int transcodeMaxTasks,
                          int jobsPerTranscodeTask, boolean transcodeSpot, int transcodeLambdaConcurrency,
                          int ingestMinTasks, int ingestMaxTasks, int publishersPerIngestTask,
                          int ingestDrainSeconds, Optional<String> certificateArn, Optional<String> ingestDomain,
                          int mediaRetentionDays, int manifestAgeAlarmSeconds, Optional<String> alarmEmail,
                          String priceClass, int apiRateLimit, int apiBurstLimit) {

  public static final String PREFIX = "prefix";
  public static final String TRANSCODE = "transcode";
  public static final String TRANSCODE_MIN_TASKS = "transcodeMinTasks";
  public static final String TRANSCODE_MAX_TASKS = "transcodeMaxTasks";
  public static final String JOBS_PER_TRANSCODE_TASK = "jobsPerTranscodeTask";
  public static final String TRANSCODE_SPOT = "transcodeSpot";
  public static final String TRANSCODE_LAMBDA_CONCURRENCY = "transcodeLambdaConcurrency";
  public static final String INGEST_MIN_TASKS = "ingestMinTasks";
  public static final String INGEST_MAX_TASKS = "ingestMaxTasks";
  public static final String PUBLISHERS_PER_INGEST_TASK = "publishersPerIngestTask";
  public static final String INGEST_DRAIN_SECONDS = "ingestDrainSeconds";
  public static final String CERTIFICATE_ARN = "certificateArn";
  public static final String INGEST_DOMAIN = "ingestDomain";
  public static final String MEDIA_RETENTION_DAYS = "mediaRetentionDays";
  public static final String MANIFEST_AGE_ALARM_SECONDS = "manifestAgeAlarmSeconds";
  public static final String ALARM_EMAIL = "alarmEmail";
  public static final String PRICE_CLASS = "priceClass";
  public static final String API_RATE_LIMIT = "apiRateLimit";
  public static final String API_BURST_LIMIT = "apiBurstLimit";

  private static final Pattern PREFIX_PATTERN = Pattern.compile("[a-z0-9][a-z0-9-]{1,30}");
  private static final Pattern ACM_ARN = Pattern.compile("arn:aws[a-z-]*:acm:[a-z0-9-]+:\\d{12}:certificate/[A-Za-z0-9-]+");
  private static final Pattern DOMAIN = Pattern.compile("(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}");
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

  public InfraConfig {
    if (prefix == null || !PREFIX_PATTERN.matcher(prefix).matches()) {
      throw new InfraConfigException(PREFIX, prefix, "lowercase letters, digits and '-', 2..31 chars");
    }
    if (transcode == null) {
      throw new InfraConfigException(TRANSCODE, null, "required");
    }
    range(TRANSCODE_MIN_TASKS, transcodeMinTasks, 0, 100);
    range(TRANSCODE_MAX_TASKS, transcodeMaxTasks, 1, 100);
    if (transcodeMinTasks > transcodeMaxTasks) {
      throw new InfraConfigException(TRANSCODE_MIN_TASKS, transcodeMinTasks,
          "must not exceed " + TRANSCODE_MAX_TASKS + "=" + transcodeMaxTasks);
    }
    range(JOBS_PER_TRANSCODE_TASK, jobsPerTranscodeTask, 1, 1000);
    // SQS event sources accept a maximum concurrency of 2..1000.
    range(TRANSCODE_LAMBDA_CONCURRENCY, transcodeLambdaConcurrency, 2, 1000);
    range(INGEST_MIN_TASKS, ingestMinTasks, 1, 100);
    range(INGEST_MAX_TASKS, ingestMaxTasks, 1, 100);
    if (ingestMinTasks > ingestMaxTasks) {
      throw new InfraConfigException(INGEST_MIN_TASKS, ingestMinTasks,
          "must not exceed " + INGEST_MAX_TASKS + "=" + ingestMaxTasks);
    }
    range(PUBLISHERS_PER_INGEST_TASK, publishersPerIngestTask, 1, 10_000);
    // NLB deregistration delay is 0..3600 s.
    range(INGEST_DRAIN_SECONDS, ingestDrainSeconds, 0, 3600);
    certificateArn = certificateArn == null ? Optional.empty() : certificateArn;
    ingestDomain = ingestDomain == null ? Optional.empty() : ingestDomain;
    alarmEmail = alarmEmail == null ? Optional.empty() : alarmEmail;
    if (certificateArn.isPresent() && !ACM_ARN.matcher(certificateArn.get()).matches()) {
      throw new InfraConfigException(CERTIFICATE_ARN, certificateArn.get(), "not an ACM certificate ARN");
    }
    if (ingestDomain.isPresent()) {
      if (!DOMAIN.matcher(ingestDomain.get()).matches()) {
        throw new InfraConfigException(INGEST_DOMAIN, ingestDomain.get(), "not a lowercase DNS name");
      }
      if (certificateArn.isEmpty()) {
        throw new InfraConfigException(INGEST_DOMAIN, ingestDomain.get(), "only meaningful with " + CERTIFICATE_ARN);
      }
    }
    range(MEDIA_RETENTION_DAYS, mediaRetentionDays, 0, 36_500);
    range(MANIFEST_AGE_ALARM_SECONDS, manifestAgeAlarmSeconds, 2, 3600);
    if (alarmEmail.isPresent() && !EMAIL.matcher(alarmEmail.get()).matches()) {
      throw new InfraConfigException(ALARM_EMAIL, alarmEmail.get(), "not an e-mail address");
    }
    if (!priceClass.equals("100") && !priceClass.equals("200") && !priceClass.equals("All")) {
      throw new InfraConfigException(PRICE_CLASS, priceClass, "expected 100, 200 or All");
    }
    // API Gateway throttles: rate up to the account's 10,000 rps default; burst >= rate.
    range(API_RATE_LIMIT, apiRateLimit, 1, 10_000);
    range(API_BURST_LIMIT, apiBurstLimit, 1, 5_000);
    if (apiBurstLimit < apiRateLimit && apiBurstLimit < 5_000) {
      throw new InfraConfigException(API_BURST_LIMIT, apiBurstLimit, "must be at least " + API_RATE_LIMIT + "="
          + apiRateLimit);
    }
  }

  /** The defaults, as {@link #fromContext} gives them for an empty context. */
  public static InfraConfig defaults() {
    return fromContext(key -> null);
  }

  /**
   * Reads every key through {@code context} (CDK's {@code tryGetContext}), which yields strings
   * from the command line and strings, numbers or booleans from {@code cdk.json}.
   */
  public static InfraConfig fromContext(Function<String, Object> context) {
    Reader r = new Reader(context);
    return new InfraConfig(
        r.string(PREFIX).orElse("tributary"),
        r.string(TRANSCODE).map(TranscodeMode::parse).orElse(TranscodeMode.FARGATE),
        r.integer(TRANSCODE_MIN_TASKS, 0),
        r.integer(TRANSCODE_MAX_TASKS, 10),
        // A 2-vCPU worker runs a 2 s 1080p ladder job in about 1.3 s (BENCHMARKS.md), so two jobs per
        // task keep live latency within a few seconds while leaving little capacity idle.
        r.integer(JOBS_PER_TRANSCODE_TASK, 2),
        r.bool(TRANSCODE_SPOT, true),
        r.integer(TRANSCODE_LAMBDA_CONCURRENCY, 20),
        r.integer(INGEST_MIN_TASKS, 1),
        r.integer(INGEST_MAX_TASKS, 4),
        r.integer(PUBLISHERS_PER_INGEST_TASK, 20),
        r.integer(INGEST_DRAIN_SECONDS, 600),
        r.string(CERTIFICATE_ARN),
        r.string(INGEST_DOMAIN),
        r.integer(MEDIA_RETENTION_DAYS, 0),
        r.integer(MANIFEST_AGE_ALARM_SECONDS, 10),
        r.string(ALARM_EMAIL),
        r.string(PRICE_CLASS).orElse("100"),
        r.integer(API_RATE_LIMIT, 50),
        r.integer(API_BURST_LIMIT, 100));
  }

  private static void range(String key, int value, int min, int max) {
    if (value < min || value > max) {
      throw new InfraConfigException(key, value, "must be within " + min + ".." + max);
    }
  }

  /** Typed access to raw context values; a value of the wrong shape names its key. */
  private record Reader(Function<String, Object> context) {
    Optional<String> string(String key) {
      Object v = context.apply(key);
      if (v == null) {
        return Optional.empty();
      }
      String s = v.toString().strip();
      return s.isEmpty() ? Optional.empty() : Optional.of(s);
    }

    int integer(String key, int fallback) {
      Object v = context.apply(key);
      if (v == null) {
        return fallback;
      }
      if (v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
        return n.intValue();
      }
      try {
        return Integer.parseInt(v.toString().strip());
      } catch (NumberFormatException e) {
        throw new InfraConfigException(key, v, "not an integer");
      }
    }

    boolean bool(String key, boolean fallback) {
      Object v = context.apply(key);
      if (v == null) {
        return fallback;
      }
      if (v instanceof Boolean b) {
        return b;
      }
      String s = v.toString().strip();
      if (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false")) {
        return Boolean.parseBoolean(s);
      }
      throw new InfraConfigException(key, v, "expected true or false");
    }
  }
}
