package io.tributary.core.keys;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Stream keys and API tokens: 32 random bytes, URL-safe base64 without padding, shown once.
 * Only the SHA-256 hash is ever stored; lookups go by hash, and a candidate is compared to a
 * stored hash in constant time ({@link MessageDigest#isEqual}).
 */
public final class StreamKeys {
  /** 32 bytes = 43 base64url characters. */
  public static final int KEY_BYTES = 32;

  private static final SecureRandom RANDOM = new SecureRandom();

  private StreamKeys() {}

  public static String generate() {
    byte[] bytes = new byte[KEY_BYTES];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** Lowercase hex SHA-256 of the key's UTF-8 bytes: what DynamoDB stores and is keyed by. */
  public static String hash(String key) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every JVM", e);
    }
  }

  /** Constant-time check of a presented key against a stored hash. */
  public static boolean matches(String presentedKey, String storedHash) {
    byte[] a = hash(presentedKey).getBytes(StandardCharsets.US_ASCII);
    byte[] b = storedHash.getBytes(StandardCharsets.US_ASCII);
    return MessageDigest.isEqual(a, b);
  }

  /** The last four characters, the only part of a key ever shown after creation. */
  public static String last4(String key) {
    return key.length() <= 4 ? key : key.substring(key.length() - 4);
  }
}
