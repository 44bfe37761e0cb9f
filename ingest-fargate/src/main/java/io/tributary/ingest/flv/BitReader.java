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

  int bits(int n) {
    int v = 0;
    for (int i = 0; i < n; i++) {
      int b = data.get((int) (bit >>> 3)) & 0xFF;
      v = (v << 1) | ((b >>> (7 - (int) (bit & 7))) & 1);
      bit++;
    }
    return v;
  }
}
