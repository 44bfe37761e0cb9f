package io.tributary.playlist.http;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.tributary.core.aws.AwsClients;
import io.tributary.core.aws.AwsSettings;
import io.tributary.core.playback.PlaybackTokens;
import io.tributary.core.resources.ResourceNames;
import io.tributary.playlist.service.ManifestService;
import io.tributary.playlist.service.MediaStore;
import io.tributary.playlist.service.PlaylistConfig;
import io.tributary.playlist.service.PlaylistEnv;
import io.tributary.playlist.service.PlaylistMetrics;
import io.tributary.playlist.store.DynamoSegmentIndex;
import io.tributary.playlist.store.DynamoStreamCatalog;
import jakarta.inject.Singleton;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/** Wires the service from {@link PlaylistEnv}; AWS clients only from core {@link AwsClients}. */
@Factory
public class PlaylistBeans {
  @Singleton
  @Requires(missingBeans = PlaylistEnv.class)
  PlaylistEnv env() {
    return new PlaylistEnv(System.getenv());
  }

  @Singleton
  PlaylistConfig config(PlaylistEnv env) {
    return PlaylistConfig.fromEnv(env.values());
  }

  @Singleton
  ResourceNames names(PlaylistEnv env) {
    return ResourceNames.fromEnv(env.values());
  }

  @Singleton
  AwsClients awsClients(PlaylistEnv env) {
    return new AwsClients(AwsSettings.fromEnv(env.values()));
  }

  @Singleton
  @Requires(missingBeans = DynamoDbClient.class)
  DynamoDbClient dynamo(AwsClients aws) {
    return aws.dynamo();
  }

  @Singleton
  @Requires(missingBeans = S3Client.class)
  S3Client s3(AwsClients aws) {
    return aws.s3();
  }

  @Singleton
  PlaylistMetrics metrics(PlaylistEnv env) {
    return new PlaylistMetrics(env.values().containsKey("AWS_LAMBDA_FUNCTION_NAME"));
  }

  @Singleton
  MediaStore mediaStore(S3Client s3, ResourceNames names) {
    return new MediaStore(s3, names.mediaBucket());
  }

  @Singleton
  ManifestService manifests(PlaylistConfig config, DynamoDbClient dynamo, ResourceNames names,
                            PlaylistMetrics metrics) {
    var index = new DynamoSegmentIndex(dynamo, names.segmentsTable());
    var catalog = new DynamoStreamCatalog(dynamo, names.streamsTable(), names.sessionsTable(), config.cacheTtlMs(),
        System::currentTimeMillis);
    Optional<PlaybackTokens> tokens = config.playbackSecret().map(PlaybackTokens::fromSecret);
    return new ManifestService(config, index, catalog, tokens, System::currentTimeMillis, metrics);
  }
}
