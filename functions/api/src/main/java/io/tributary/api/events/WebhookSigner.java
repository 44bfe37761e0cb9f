package io.tributary.api.events;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Webhook signature: {@code X-Tributary-Signature: sha256=<hex HMAC-SHA256(secret, timestamp + "." + body)>}
 * with {@code X-Tributary-Timestamp: <epoch seconds>}. Signing the timestamp lets receivers reject
 * replays older than their tolerance; receivers compare in constant time.
 */
public record WebhookSigner(byte[] secret) {
  public static final String SIGNATURE_HEADER = "X-Tributary-Signature";
  public static final String TIMESTAMP_HEADER = "X-Tributary-Timestamp";

  public WebhookSigner {
    if (secret.length < 16) {
      throw new IllegalArgumentException("webhook secret must be at least 16 bytes, got " + secret.length);
    }
    secret = secret.clone();
  }

  public String sign(long timestampS, String body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      return "sha256=" + HexFormat.of().formatHex(mac.doFinal((timestampS + "." + body).getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 is required by every JVM", e);
    }
  }
}
