package io.tributary.core.id;

import java.util.Random;

/** Shared formatting for the id records of this package. */
final class Ids {
  private static final char[] BASE32 = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();

  private Ids() {}

  static String base32(Random random, int length) {
    char[] out = new char[length];
    for (int i = 0; i < length; i++) {
      out[i] = BASE32[random.nextInt(32)];
    }
    return new String(out);
  }

  /** Quotes a rejected value for an error message, cut short so a huge input cannot flood a log. */
  static String quote(String value) {
    if (value == null) {
      return "null";
    }
    return '"' + (value.length() > 80 ? value.substring(0, 80) + "..." : value) + '"';
  }
}
