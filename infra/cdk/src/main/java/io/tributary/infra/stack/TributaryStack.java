package io.tributary.infra.stack;

import io.tributary.core.resources.Schema;
import io.tributary.infra.cdn.Cdn;
import io.tributary.infra.config.Artifacts;
import io.tributary.infra.config.InfraConfig;
import io.tributary.infra.config.Naming;
import io.tributary.infra.config.ServiceContract;
import io.tributary.infra.config.TranscodeMode;
import io.tributary.infra.functions.Functions;
import io.tributary.infra.functions.LeaseReaper;
import io.tributary.infra.functions.LiveSockets;
import io.tributary.infra.functions.ManagementApi;
import io.tributary.infra.functions.MediaSweep;
import io.tributary.infra.functions.StreamChanges;
import io.tributary.infra.ingest.IngestService;
import io.tributary.infra.nag.Nag;
import io.tributary.infra.network.Network;
import io.tributary.infra.observability.Alarms;
import io.tributary.infra.observability.Dashboard;
import io.tributary.infra.secrets.Secrets;
import io.tributary.infra.storage.AccessLogs;
import io.tributary.infra.storage.JobQueue;
import io.tributary.infra.storage.MediaBuckets;
import io.tributary.infra.storage.ResourceEnv;
import io.tributary.infra.storage.Tables;
import io.tributary.infra.transcode.FfmpegLayer;
import io.tributary.infra.transcode.TranscodeAccess;
import io.tributary.infra.transcode.TranscodeFunction;
import io.tributary.infra.transcode.TranscodeService;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.ecs.Cluster;
import software.constructs.Construct;

/**
 * The whole pipeline in one stack, built in data-flow order: storage first (everything else
 * holds references to it, so CloudFormation deletes it last), then ingest, transcode, the
 * functions, the CDN in front of them, and alarms on top.
 */
public final class TributaryStack extends Stack {
  public static final String OUTPUT_RTMP_URL = "RtmpUrl";
  public static final String OUTPUT_RTMPS_URL = "RtmpsUrl";
  public static final String OUTPUT_API_URL = "ApiUrl";
  public static final String OUTPUT_PLAYBACK_BASE_URL = "PlaybackBaseUrl";
  public static final String OUTPUT_ADMIN_TOKEN_SECRET = "AdminTokenSecretArn";
  public static final String OUTPUT_EVENT_BUS = "EventBusName";
  public static final String OUTPUT_WEBSOCKET_URL = "WebSocketUrl";
  public static final String OUTPUT_ADMIN_TOKEN_COMMAND = "AdminTokenCommand";

  public TributaryStack(Construct scope, StackProps props, InfraConfig config, Artifacts artifacts) {
    super(scope, new Naming(config.prefix()).stackName(), props);
    Naming naming = new Naming(config.prefix());
    Schema schema = naming.schema();

    Network network = new Network(this, "Network");
    AccessLogs logs = new AccessLogs(this, "AccessLogs");
    MediaBuckets buckets = new MediaBuckets(this, "Buckets", schema.rawBucket(), schema.mediaBucket(),
        config.mediaRetentionDays(), logs);
    JobQueue jobs = new JobQueue(this, "Jobs", schema.jobQueue());
    Tables tables = new Tables(this, "Tables", schema);
    Secrets secrets = new Secrets(this, "Secrets");
    ResourceEnv env = ResourceEnv.of(buckets, jobs, tables);

    Cluster cluster = Cluster.Builder.create(this, "Cluster")
        .vpc(network.vpc())
        .enableFargateCapacityProviders(true)
        .build();
    Nag.suppress(cluster, "AwsSolutions-ECS4", "Container Insights bills per metric per task; the services "
        + "publish what matters as EMF metrics and AWS/ECS CPU and memory come free.");

    IngestService ingest = new IngestService(this, "Ingest", config, network, cluster, artifacts.ingestImage(), env,
        buckets, jobs, tables, logs);

    TranscodeAccess access = new TranscodeAccess(buckets, jobs, tables);
    if (config.transcode() == TranscodeMode.FARGATE) {
      new TranscodeService(this, "Transcode", config, network, cluster, artifacts.transcodeImage(), env, access);
    } else {
      FfmpegLayer ffmpeg = new FfmpegLayer(this, "Ffmpeg", artifacts.ffmpegLayer(), ServiceContract.LAMBDA_RUNTIME);
      new TranscodeFunction(this, "Transcode", config, artifacts.transcodeLambdaJar(), ffmpeg, env, access);
    }

    Functions functions = new Functions(this, "Functions", artifacts.apiJar(), artifacts.playlistJar(), env, tables,
        secrets);
    ManagementApi api = new ManagementApi(this, "Api", config, functions.api());
    MediaSweep sweep = new MediaSweep(this, "MediaSweep", artifacts.apiJar(), env, buckets, tables);
    StreamChanges changes = new StreamChanges(this, "StreamChanges", artifacts.apiJar(), env, tables, sweep);
    LiveSockets sockets = new LiveSockets(this, "LiveSockets", artifacts.apiJar(), env, tables);
    LeaseReaper reaper = new LeaseReaper(this, "LeaseReaper", artifacts.apiJar(), env, tables, cluster,
        ingest.service().getTaskDefinition().getFamily());
    sockets.pushFrom(changes.function());
    Cdn cdn = new Cdn(this, "Cdn", buckets.media(), functions.playlistUrl(), functions.playlist().alias(), logs,
        config.priceClass(), secrets.playbackKey());
    // The CDN checks a token on every segment: the playlist puts one on every media URI.
    functions.playlist().function().addEnvironment(Cdn.EDGE_TOKENS_ENV, "true");
    functions.setPublicUrls(cdn.baseUrl(), ingest.publishBaseUrl());

    Alarms alarms = new Alarms(this, "Alarms", config, jobs, ingest.targetGroup());
    alarms.deadLetters("StreamChangeFailures", changes.failures(), "Streams table changes failed every retry: "
        + "their stream events were not published (and a deletion's media sweep may not be scheduled).");
    // Lambda's IteratorAge for a stream source: how old the newest record of a batch was when read.
    alarms.watch("StreamChangesLagging", changes.function().function().metric("IteratorAge",
        MetricOptions.builder().statistic("Maximum").period(Duration.minutes(1)).build()), 60_000, 5,
        "Streams table changes are handled more than a minute late for 5 minutes: stream events and "
            + "WebSocket pushes lag (handler errors being retried, or throttling).");
    alarms.deadLetters("SweepDlqNotEmpty", sweep.dlq(), "A deleted stream's media sweep failed "
        + "every retry: its S3 objects and item remain until it is redriven.");
    alarms.deadLetters("LeaseReaperFailures", reaper.failures(), "A stopped ingest task's leases were not "
        + "released after every retry: its streams show LIVE and refuse reconnects until their leases run out, "
        + "and their sessions stay LIVE. Redrive or inspect the event.");
    new Dashboard(this, "Dashboard", naming.stackName(), ingest.nlb(), jobs, cdn.distribution(), api.http(),
        alarms.all());

    output(OUTPUT_RTMP_URL, ingest.rtmpUrl() + "/live", "Publish: append /<stream key> (RTMP, TCP 1935)");
    ingest.rtmpsUrl().ifPresent(u -> output(OUTPUT_RTMPS_URL, u + "/live", "Publish over TLS: append /<stream key>"));
    output(OUTPUT_API_URL, api.url(), "Management API (Bearer token)");
    output(OUTPUT_PLAYBACK_BASE_URL, cdn.baseUrl(), "HLS/DASH and watch pages: /live/<id>/master.m3u8, "
        + "/live/<id>/manifest.mpd, /watch/<id>");
    output(OUTPUT_WEBSOCKET_URL, sockets.url(), "Live status push: connect with ?streamId=<id>&access_token="
        + "<API token> (or an Authorization: Bearer header)");
    output(OUTPUT_EVENT_BUS, changes.bus().getEventBusName(), "EventBridge bus of stream events (source "
        + "tributary.api)");
    output(OUTPUT_ADMIN_TOKEN_SECRET, secrets.adminToken().getSecretArn(), "Secrets Manager secret holding the "
        + "bootstrap admin API token");
    output(OUTPUT_ADMIN_TOKEN_COMMAND, "aws secretsmanager get-secret-value --query SecretString --output text "
        + "--secret-id " + secrets.adminToken().getSecretArn(), "Prints the admin token");
    naming.applyTags(this);
  }

  private void output(String id, String value, String description) {
    CfnOutput.Builder.create(this, id).value(value).description(description).build();
  }
}
