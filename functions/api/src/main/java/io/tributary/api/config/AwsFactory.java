package io.tributary.api.config;

import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.tributary.core.aws.AwsClients;
import io.tributary.core.aws.AwsSettings;
import io.tributary.core.playback.PlaybackTokens;
import io.tributary.core.resources.ResourceNames;
import jakarta.inject.Singleton;
import java.time.Clock;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** AWS clients come only from core's {@link AwsClients}; names only from {@link ResourceNames}. */
@Factory
public class AwsFactory {

  @Singleton
  @Requires(missingBeans = AwsEnv.class)
  AwsEnv processEnv() {
    return new AwsEnv(System.getenv());
  }

  @Singleton
  AwsClients awsClients(AwsEnv env) {
    return new AwsClients(AwsSettings.fromEnv(env.vars()));
  }

  @Singleton
  ResourceNames resourceNames(AwsEnv env) {
    return ResourceNames.fromEnv(env.vars());
  }

  @Singleton
  @Bean(preDestroy = "close")
  DynamoDbClient dynamo(AwsClients clients) {
    return clients.dynamo();
  }

  @Singleton
  PlaybackTokens playbackTokens(ApiConfig config) {
    return PlaybackTokens.fromSecret(config.playbackSecret());
  }

  @Singleton
  @Requires(missingBeans = Clock.class)
  Clock clock() {
    return Clock.systemUTC();
  }
}
