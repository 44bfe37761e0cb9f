package io.tributary.core.playback;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signed, expiring playback tokens for private streams: the API issues them, the playlist
 * service (and the local segment server) checks them. Token = {@code <expiryEpochSeconds>.<sig>}
 * where sig = base64url(HMAC-SHA256(secret, streamId + "." + expiry)). The secret comes from
 * {@code TRIBUTARY_PLAYBACK_SECRET} (Secrets Manager in AWS). Verification is constant time.
 */
public final class PlaybackTokens {
  private static final int MIN_SECRET_BYTES = 32;
  private final byte[] secret;

  public PlaybackTokens(byte[] secret) {
    if (secret.length < MIN_SECRET_BYTES) {
      throw new IllegalArgumentException("playback secret must be at least " + MIN_SECRET_BYTES + " bytes, got "
          + secret.length);
    }
    this.secret = secret.clone();
  }

  public static PlaybackTokens fromSecret(String secret) {
    return new PlaybackTokens(secret.getBytes(StandardCharsets.UTF_8));
  }

  public String issue(String streamId, Instant expiresAt) {
    long exp = expiresAt.getEpochSecond();
    return exp + "." + sign(streamId, exp);
  }

  /** True when the token was issued for this stream with this secret and has not expired. */
  public boolean verify(String streamId, String token, Instant now) {
    if (token == null) {
      return false;
    }
    int dot = token.indexOf('.');
    if (dot <= 0 || dot > 12) {
      return false;
    }
    long exp;
    try {
      exp = Long.parseLong(token.substring(0, dot));
    } catch (NumberFormatException e) {
      return false;
    }
    byte[] expected = sign(streamId, exp).getBytes(StandardCharsets.US_ASCII);
    byte[] presented = token.substring(dot + 1).getBytes(StandardCharsets.US_ASCII);
    return MessageDigest.isEqual(expected, presented) && now.getEpochSecond() < exp;
  }

  private String sign(String streamId, long exp) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      byte[] sig = mac.doFinal((streamId + "." + exp).getBytes(StandardCharsets.UTF_8));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(sig);
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 is required by every JVM", e);
    }
  }
}
