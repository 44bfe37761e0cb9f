package io.tributary.api.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Optional;

/**
 * Everything the API reads besides AWS endpoints and resource names. Micronaut maps each
 * environment variable {@code TRIBUTARY_X_Y} onto property {@code tributary.x-y}, so
 * {@code TRIBUTARY_PLAYBACK_SECRET} binds {@link #playbackSecret()}. The context refuses to start
 * when a constraint fails (the secret is the one value without a default).
 *
 * @param playbackSecret HMAC secret shared with the playlist service, at least 32 characters
 * @param playbackBaseUrl where viewers fetch manifests and the watch page
 * @param rtmpBaseUrl where encoders publish; the key is appended as {@code /live/{key}}
 * @param playbackTokenTtlS lifetime of signed playback URLs of private streams
 * @param adminToken a known admin token to ensure (hash stored) at start, e.g. from the launcher
 * @param adminTokenSecretArn Secrets Manager secret holding the admin token (AWS)
 * @param adminTenant tenant of the bootstrap admin token; its tokens may mint tokens for others
 * @param rateLimitPerS sustained requests per second per token (token bucket refill)
 * @param rateLimitBurst bucket size per token
 * @param maxBodyBytes request bodies above this are refused with 413
 * @param webhookUrls local event receivers (comma separated in the environment)
 * @param webhookSecret HMAC-SHA256 key for the {@code X-Tributary-Signature} header
 * @param eventBusName EventBridge bus for stream events in AWS; empty means none
 * @param eventsPollMs how often the local server polls the streams table for transitions; 0 = off
 * @param mediaSweepDelayS how long after a stream's deletion the local sweep removes its media
 */
@ConfigurationProperties("tributary")
public record ApiConfig(
    @NotBlank @Size(min = 32) String playbackSecret,
    @Bindable(defaultValue = "http://127.0.0.1:8082") @Pattern(regexp = "https?://[^\\s?#]+[^/\\s?#]") String playbackBaseUrl,
    @Bindable(defaultValue = "rtmp://127.0.0.1:1935") @Pattern(regexp = "rtmps?://[^\\s?#]+[^/\\s?#]") String rtmpBaseUrl,
    @Bindable(defaultValue = "3600") @Min(60) @Max(604800) int playbackTokenTtlS,
    Optional<String> adminToken,
    Optional<String> adminTokenSecretArn,
    @Bindable(defaultValue = "admin") @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,39}") String adminTenant,
    @Bindable(defaultValue = "20") @Min(1) @Max(100000) int rateLimitPerS,
    @Bindable(defaultValue = "40") @Min(1) @Max(100000) int rateLimitBurst,
    @Bindable(defaultValue = "16384") @Min(1024) @Max(1048576) int maxBodyBytes,
    @Bindable(defaultValue = "") List<String> webhookUrls,
    Optional<String> webhookSecret,
    Optional<String> eventBusName,
    @Bindable(defaultValue = "2000") @Min(0) @Max(600000) int eventsPollMs,
    @Bindable(defaultValue = "60") @Min(0) @Max(604800) int mediaSweepDelayS) {

  public ApiConfig {
    webhookUrls = webhookUrls == null ? List.of() : webhookUrls.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
    if (!webhookUrls.isEmpty() && (webhookSecret == null || webhookSecret.filter(w -> w.length() >= 16).isEmpty())) {
      throw new IllegalArgumentException("TRIBUTARY_WEBHOOK_URLS is set but TRIBUTARY_WEBHOOK_SECRET (16+ characters) is "
          + "not: webhooks are always signed");
    }
    for (String url : webhookUrls) {
      if (!url.matches("https?://\\S+")) {
        throw new IllegalArgumentException("TRIBUTARY_WEBHOOK_URLS entry is not an http(s) URL: " + url);
      }
    }
  }
}
