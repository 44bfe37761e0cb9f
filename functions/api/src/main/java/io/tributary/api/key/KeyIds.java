package io.tributary.api.key;

import java.security.SecureRandom;

/** Public key ids: {@code key_} and 16 base32 characters; they reveal nothing of the key. */
public final class KeyIds {
  private static final char[] BASE32 = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();
  private static final SecureRandom RANDOM = new SecureRandom();
  public static final String FORMAT = "key_[a-z2-7]{16}";

  private KeyIds() {}

  public static String random() {
    char[] out = new char[16];
    for (int i = 0; i < out.length; i++) {
      out[i] = BASE32[RANDOM.nextInt(32)];
    }
    return "key_" + new String(out);
  }

  public static boolean isValid(String id) {
    return id != null && id.matches(FORMAT);
  }
}
