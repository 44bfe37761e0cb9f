package io.tributary.ingest.handshake;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The Flash-era "complex" handshake (not in the public RTMP spec; as implemented by Flash
 * Player/FMS and documented by librtmp, nginx-rtmp, ffmpeg): C1 and S1 carry an HMAC-SHA256
 * digest at a position derived from four offset bytes, in one of two schemes; S2 ends with a
 * digest keyed by the client's C1 digest. Encoders such as ffmpeg and librtmp-based ones send a
 * digest C1; players verify our S1/S2 digests.
 */
final class HandshakeDigest {
  static final int BLOCK = 1536;
  static final int DIGEST_LENGTH = 32;
  /** Scheme 0: offset bytes at 8..11, digest area after them; scheme 1: offset bytes at 772..775. */
  static final int[] SCHEME_BASES = {8, 772};

  private static final byte[] RANDOM_TAIL = {
    (byte) 0xF0, (byte) 0xEE, (byte) 0xC2, (byte) 0x4A, (byte) 0x80, (byte) 0x68, (byte) 0xBE, (byte) 0xE8,
    (byte) 0x2E, (byte) 0x00, (byte) 0xD0, (byte) 0xD1, (byte) 0x02, (byte) 0x9E, (byte) 0x7E, (byte) 0x57,
    (byte) 0x6E, (byte) 0xEC, (byte) 0x5D, (byte) 0x2D, (byte) 0x29, (byte) 0x80, (byte) 0x6F, (byte) 0xAB,
    (byte) 0x93, (byte) 0xB8, (byte) 0xE6, (byte) 0x36, (byte) 0xCF, (byte) 0xEB, (byte) 0x31, (byte) 0xAE
  };
  /** "Genuine Adobe Flash Player 001" + 32 constant bytes; C1 digests use the first 30 bytes. */
  static final byte[] FP_KEY = concat("Genuine Adobe Flash Player 001", RANDOM_TAIL);
  static final int FP_KEY_PARTIAL = 30;
  /** "Genuine Adobe Flash Media Server 001" + 32 constant bytes; S1 uses the first 36 bytes. */
  static final byte[] FMS_KEY = concat("Genuine Adobe Flash Media Server 001", RANDOM_TAIL);
  static final int FMS_KEY_PARTIAL = 36;

  private HandshakeDigest() {}

  /** Position of the digest in a 1536-byte block for the scheme whose offset bytes start at base. */
  static int digestOffset(byte[] block, int base) {
    int sum = (block[base] & 0xFF) + (block[base + 1] & 0xFF) + (block[base + 2] & 0xFF) + (block[base + 3] & 0xFF);
    return sum % 728 + base + 4;
  }

  /**
   * Finds C1's digest, trying scheme 1 then scheme 0 (the order nginx-rtmp uses); returns the
   * digest offset, or -1 when neither validates (then the client gets the plain handshake).
   */
  static int findClientDigest(byte[] c1) {
    for (int i = SCHEME_BASES.length - 1; i >= 0; i--) {
      int offset = digestOffset(c1, SCHEME_BASES[i]);
      byte[] expected = blockDigest(c1, offset, FP_KEY, FP_KEY_PARTIAL);
      if (Arrays.equals(expected, 0, DIGEST_LENGTH, c1, offset, offset + DIGEST_LENGTH)) {
        return offset;
      }
    }
    return -1;
  }

  /** The scheme base (8 or 772) whose digest position equals {@code offset} for this block. */
  static int schemeOf(byte[] block, int offset) {
    return digestOffset(block, SCHEME_BASES[1]) == offset ? SCHEME_BASES[1] : SCHEME_BASES[0];
  }

  /** Writes S1's digest (FMS partial key) into {@code s1} using the scheme at {@code base}. */
  static void signS1(byte[] s1, int base) {
    int offset = digestOffset(s1, base);
    byte[] digest = blockDigest(s1, offset, FMS_KEY, FMS_KEY_PARTIAL);
    System.arraycopy(digest, 0, s1, offset, DIGEST_LENGTH);
  }

  /** S2's last 32 bytes: HMAC over the rest, keyed by HMAC(FMS full key, C1 digest). */
  static void signS2(byte[] s2, byte[] c1, int c1DigestOffset) {
    byte[] key = hmac(FMS_KEY, FMS_KEY.length, c1, c1DigestOffset, DIGEST_LENGTH);
    byte[] digest = hmac(key, key.length, s2, 0, BLOCK - DIGEST_LENGTH);
    System.arraycopy(digest, 0, s2, BLOCK - DIGEST_LENGTH, DIGEST_LENGTH);
  }

  /** HMAC of the block without the 32 bytes at {@code skip}. */
  static byte[] blockDigest(byte[] block, int skip, byte[] key, int keyLength) {
    Mac mac = mac(key, keyLength);
    mac.update(block, 0, skip);
    mac.update(block, skip + DIGEST_LENGTH, BLOCK - skip - DIGEST_LENGTH);
    return mac.doFinal();
  }

  static byte[] hmac(byte[] key, int keyLength, byte[] data, int offset, int length) {
    Mac mac = mac(key, keyLength);
    mac.update(data, offset, length);
    return mac.doFinal();
  }

  private static Mac mac(byte[] key, int keyLength) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, 0, keyLength, "HmacSHA256"));
      return mac;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is required by every Java platform", e);
    }
  }

  private static byte[] concat(String text, byte[] tail) {
    byte[] head = text.getBytes(StandardCharsets.US_ASCII);
    byte[] all = Arrays.copyOf(head, head.length + tail.length);
    System.arraycopy(tail, 0, all, head.length, tail.length);
    return all;
  }
}
