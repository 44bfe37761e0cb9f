package io.tributary.ingest.flv;

import io.tributary.ingest.message.Payload;

/** MSB-first bit reader over a payload, for the few bit-packed configuration records ingest reads. */
final class BitReader {
  private final Payload data;
  private long bit;

  BitReader(Payload data, int byteOffset) {
    this.data = data;
    this.bit = (long) byteOffset * 8;
  }

  boolean has(int n) {
    return bit + n <= (long) data.length() * 8;
  }

  /** ue(v), Exp-Golomb (H.264 9.1 / H.265 9.2); an absurd prefix (over 31 zero bits) is a format error. */
  int ue() {
    int zeros = 0;
    while (bits(1) == 0) {
      if (++zeros > 31) {
        throw new FlvFormatException("Exp-Golomb code with more than 31 leading zero bits");
      }
    }
    return zeros == 0 ? 0 : (int) (((1L << zeros) - 1) + bitsLong(zeros));
  }

  /** se(v), signed Exp-Golomb (H.264 9.1.1). */
  int se() {
    int k = ue();
    return (k & 1) == 1 ? (k + 1) / 2 : -(k / 2);
  }

  void skip(int n) {
    for (int i = 0; i < n; i++) {
      bits(1);
    }
  }

  private long bitsLong(int n) {
    long v = 0;
    for (int i = 0; i < n; i++) {
      v = (v << 1) | bits(1);
    }
    return v;
  }

  /** Reads n bits (n <= 31); reading past the end is a format error (truncated configuration). */
  int bits(int n) {
    if (!has(n)) {
      throw new FlvFormatException("bit-packed record truncated: " + n + " more bits wanted at bit " + bit + " of "
          + (long) data.length() * 8);
    }
    int v = 0;
    for (int i = 0; i < n; i++) {
      int b = data.get((int) (bit >>> 3)) & 0xFF;
      v = (v << 1) | ((b >>> (7 - (int) (bit & 7))) & 1);
      bit++;
    }
    return v;
  }
}
