package io.tributary.local.aws;

import io.tributary.core.aws.AwsSettings;
import io.tributary.core.resources.ResourceNames;
import java.net.URI;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The environment variables that point a service or a child process at a local AWS: the SDK's
 * per-service endpoint variables, region, credentials and every {@code TRIBUTARY_*} resource name,
 * so {@code AwsClients.fromEnv()} and {@code ResourceNames.fromEnv()} there see what we see here.
 */
final class LocalEnv {
  private LocalEnv() {}

  static Map<String, String> of(AwsSettings settings, ResourceNames names, LocalCredentials credentials) {
    Map<String, String> env = new TreeMap<>();
    put(env, "AWS_ENDPOINT_URL_S3", settings.s3Endpoint());
    put(env, "AWS_ENDPOINT_URL_SQS", settings.sqsEndpoint());
    put(env, "AWS_ENDPOINT_URL_DYNAMODB", settings.dynamoEndpoint());
    env.put("AWS_REGION", settings.region());
    env.put("AWS_ACCESS_KEY_ID", credentials.accessKeyId());
    env.put("AWS_SECRET_ACCESS_KEY", credentials.secretKey());
    env.put(ResourceNames.ENV.get("rawBucket"), names.rawBucket());
    env.put(ResourceNames.ENV.get("mediaBucket"), names.mediaBucket());
    env.put(ResourceNames.ENV.get("jobQueue"), names.jobQueue());
    env.put(ResourceNames.ENV.get("jobDlq"), names.jobDlq());
    env.put(ResourceNames.ENV.get("streamsTable"), names.streamsTable());
    env.put(ResourceNames.ENV.get("keysTable"), names.keysTable());
    env.put(ResourceNames.ENV.get("sessionsTable"), names.sessionsTable());
    env.put(ResourceNames.ENV.get("segmentsTable"), names.segmentsTable());
    env.put(ResourceNames.ENV.get("metricsTable"), names.metricsTable());
    env.put(ResourceNames.ENV.get("tokensTable"), names.tokensTable());
    env.put(ResourceNames.ENV.get("idempotencyTable"), names.idempotencyTable());
    return Collections.unmodifiableMap(env);
  }

  private static void put(Map<String, String> env, String name, Optional<URI> uri) {
    uri.ifPresent(u -> env.put(name, u.toString()));
  }
}
