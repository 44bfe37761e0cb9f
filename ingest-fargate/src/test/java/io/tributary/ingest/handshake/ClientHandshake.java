package io.tributary.ingest.handshake;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The client side of the handshake written independently of the production code (keys as
 * librtmp's handshake.h spells them), so tests check our server against a second implementation.
 */
public final class ClientHandshake {
  static final byte[] FP_KEY = key("Genuine Adobe Flash Player 001");
  static final byte[] FMS_KEY = key("Genuine Adobe Flash Media Server 001");

  private ClientHandshake() {}

  /** C0 + a plain C1: time, four zero bytes, random. */
  public static byte[] plainC0C1(Random random) {
    byte[] c0c1 = new byte[1537];
    random.nextBytes(c0c1);
    c0c1[0] = 3;
    Arrays.fill(c0c1, 5, 9, (byte) 0);
    return c0c1;
  }

  /** C0 + a digest C1 as ffmpeg builds it (version 9.0.124.2), in the scheme at base 8 or 772. */
  public static byte[] digestC0C1(Random random, int schemeBase) {
    byte[] c1 = new byte[1536];
    random.nextBytes(c1);
    c1[4] = 9; c1[5] = 0; c1[6] = 124; c1[7] = 2;
    int offset = offset(c1, schemeBase);
    byte[] digest = digestExcluding(c1, offset, FP_KEY, 30);
    System.arraycopy(digest, 0, c1, offset, 32);
    byte[] c0c1 = new byte[1537];
    c0c1[0] = 3;
    System.arraycopy(c1, 0, c0c1, 1, 1536);
    return c0c1;
  }

  /** Whether S1 carries a valid FMS digest in the scheme at base. */
  public static boolean s1DigestValid(byte[] s1, int schemeBase) {
    int offset = offset(s1, schemeBase);
    byte[] expected = digestExcluding(s1, offset, FMS_KEY, 36);
    return Arrays.equals(expected, 0, 32, s1, offset, offset + 32);
  }

  /** librtmp's check of S2: HMAC(HMAC(FMS full key, C1 digest), S2[0..1504)) == S2[1504..]. */
  public static boolean s2DigestValid(byte[] s2, byte[] c1, int schemeBase) {
    int offset = offset(c1, schemeBase);
    byte[] key = hmac(FMS_KEY, FMS_KEY.length, Arrays.copyOfRange(c1, offset, offset + 32));
    byte[] expected = hmac(key, key.length, Arrays.copyOfRange(s2, 0, 1504));
    return Arrays.equals(expected, Arrays.copyOfRange(s2, 1504, 1536));
  }

  static int offset(byte[] block, int base) {
    int sum = 0;
    for (int i = 0; i < 4; i++) {
      sum += block[base + i] & 0xFF;
    }
    return sum % 728 + base + 4;
  }

  private static byte[] digestExcluding(byte[] block, int offset, byte[] key, int keyLength) {
    byte[] rest = new byte[1536 - 32];
    System.arraycopy(block, 0, rest, 0, offset);
    System.arraycopy(block, offset + 32, rest, offset, 1536 - offset - 32);
    return hmac(key, keyLength, rest);
  }

  private static byte[] hmac(byte[] key, int keyLength, byte[] data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(Arrays.copyOf(key, keyLength), "HmacSHA256"));
      return mac.doFinal(data);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static byte[] key(String text) {
    byte[] head = text.getBytes(StandardCharsets.US_ASCII);
    byte[] tail = HexFormat.of().parseHex("f0eec24a8068bee82e00d0d1029e7e576eec5d2d29806fab93b8e636cfeb31ae");
    byte[] all = Arrays.copyOf(head, head.length + 32);
    System.arraycopy(tail, 0, all, head.length, 32);
    return all;
  }
}
