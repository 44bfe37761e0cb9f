package io.tributary.api.events;

import io.micronaut.context.annotation.Factory;
import io.micronaut.json.JsonMapper;
import io.tributary.api.config.ApiConfig;
import io.tributary.api.config.AwsEnv;
import io.tributary.core.aws.AwsSettings;
import jakarta.inject.Singleton;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;

/**
 * The configured sinks: webhooks when {@code TRIBUTARY_WEBHOOK_URLS} is set (then
 * {@code TRIBUTARY_WEBHOOK_SECRET} is required), EventBridge when {@code TRIBUTARY_EVENT_BUS_NAME}
 * is set (core's client factory covers only the emulated services, so this client takes region
 * and default credentials directly).
 */
@Factory
public class EventSinks {
  /** Holder so an empty configuration is still one injectable bean. */
  public record Configured(List<EventSink> sinks) {
    public Configured {
      sinks = List.copyOf(sinks);
    }
  }

  @Singleton
  Configured sinks(ApiConfig config, JsonMapper json, AwsEnv env) {
    List<EventSink> sinks = new ArrayList<>();
    if (!config.webhookUrls().isEmpty()) {
      String secret = config.webhookSecret().filter(s -> !s.isBlank()).orElseThrow(() -> new IllegalStateException(
          "TRIBUTARY_WEBHOOK_URLS is set but TRIBUTARY_WEBHOOK_SECRET is not: webhooks are always signed"));
      sinks.add(new WebhookSink(config.webhookUrls().stream().map(URI::create).toList(),
          new WebhookSigner(secret.getBytes(StandardCharsets.UTF_8)), json, 500));
    }
    config.eventBusName().filter(b -> !b.isBlank()).ifPresent(bus -> sinks.add(new EventBridgeSink(
        EventBridgeClient.builder().region(Region.of(AwsSettings.fromEnv(env.vars()).region()))
            .httpClient(UrlConnectionHttpClient.create()).build(), bus)));
    return new Configured(sinks);
  }
}
