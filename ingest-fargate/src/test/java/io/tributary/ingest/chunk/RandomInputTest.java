package io.tributary.ingest.chunk;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.embedded.EmbeddedChannel;
import io.tributary.ingest.handshake.ClientHandshake;
import io.tributary.ingest.message.RtmpProtocolException;
import java.io.ByteArrayOutputStream;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Property (seeded, bounded loops): whatever bytes a peer sends into handshake + chunk decoding,
 * the outcome is messages or one {@link RtmpProtocolException} that closes the channel — never
 * another exception, never a hang (each case is synchronous and bounded), never a huge
 * allocation (limits). A failing case prints its seed.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class RandomInputTest {
  private static final RtmpLimits LIMITS = RtmpLimits.defaults();

  @Test
  void pureRandomBytesIntoTheHandshake() {
    for (int seed = 0; seed < 300; seed++) {
      Random r = new Random(seed);
      byte[] junk = new byte[r.nextInt(6000)];
      r.nextBytes(junk);
      if (seed % 2 == 0 && junk.length > 0) {
        junk[0] = 3; // get past C0 half the time
      }
      run("random handshake", seed, junk, r);
    }
  }

  @Test
  void randomBytesAfterAValidHandshake() {
    for (int seed = 0; seed < 1500; seed++) {
      Random r = new Random(seed);
      ByteArrayOutputStream out = handshake(r);
      byte[] junk = new byte[r.nextInt(4000)];
      r.nextBytes(junk);
      out.writeBytes(junk);
      run("random chunks", seed, out.toByteArray(), r);
    }
  }

  @Test
  void plausibleChunkHeadersWithRandomFields() {
    long decoded = 0;
    for (int seed = 0; seed < 1500; seed++) {
      Random r = new Random(seed);
      ByteArrayOutputStream out = handshake(r);
      java.util.Set<Integer> started = new java.util.HashSet<>();
      int messages = 1 + r.nextInt(30);
      for (int i = 0; i < messages; i++) {
        int csid = r.nextInt(10) < 8 ? 2 + r.nextInt(8) : r.nextInt(66000);
        int fmt = started.contains(csid) ? r.nextInt(4) : (r.nextInt(20) == 0 ? r.nextInt(4) : 0);
        started.add(csid);
        int length = r.nextInt(600);
        int type = r.nextInt(4) == 0 ? r.nextInt(256) : new int[] {1, 2, 3, 4, 5, 6, 8, 9, 15, 17, 18, 20}[r.nextInt(12)];
        byte[] body = new byte[length];
        r.nextBytes(body);
        if (length > 0 && r.nextBoolean()) {
          body[0] = (byte) r.nextInt(0x12); // an AMF0 marker
        }
        if (type == 1 && length == 4) {
          body[0] = 0; // a plausible chunk size now and then
        }
        byte[] fields = new byte[new int[] {11, 7, 3, 0}[fmt]];
        r.nextBytes(fields);
        if (fmt <= 1) {
          fields[3] = (byte) (length >>> 16);
          fields[4] = (byte) (length >>> 8);
          fields[5] = (byte) length;
          fields[6] = (byte) type;
        }
        for (int off = 0; off == 0 || off < length; off += 128) {
          writeBasicHeader(out, off == 0 ? fmt : 3, csid);
          if (off == 0) {
            out.writeBytes(fields);
          }
          out.write(body, off, Math.min(128, length - off));
        }
        if (r.nextInt(30) == 0) {
          out.write(r.nextInt(256)); // a stray byte now and then
        }
      }
      int result = run("plausible chunks", seed, out.toByteArray(), r);
      decoded += result >= 0 ? result : -1 - result;
    }
    assertTrue(decoded > 500, "the generator reaches message decoding: " + decoded + " messages");
  }

  @Test
  void mutatedCapturedSessions() {
    int seed = 0;
    int clean = 0;
    int refused = 0;
    for (String name : CapturedSessions.NAMES) {
      byte[] original = CapturedSessions.load(name);
      for (int i = 0; i < 250; i++, seed++) {
        Random r = new Random(seed);
        byte[] mutated = original.clone();
        int edits = 1 + r.nextInt(8);
        for (int e = 0; e < edits; e++) {
          int at = r.nextInt(mutated.length);
          switch (r.nextInt(3)) {
            case 0 -> mutated[at] ^= (byte) (1 << r.nextInt(8));
            case 1 -> mutated[at] = (byte) r.nextInt(256);
            default -> {
              int cut = Math.min(mutated.length - at, 1 + r.nextInt(64));
              byte[] shorter = new byte[mutated.length - cut];
              System.arraycopy(mutated, 0, shorter, 0, at);
              System.arraycopy(mutated, at + cut, shorter, at, mutated.length - at - cut);
              mutated = shorter.length > 0 ? shorter : mutated;
            }
          }
        }
        ByteArrayOutputStream out = handshake(r);
        out.writeBytes(mutated);
        if (run("mutated " + name, seed, out.toByteArray(), r) >= 0) {
          clean++;
        } else {
          refused++;
        }
      }
    }
    // Both outcomes occur: mutations in media bytes pass, mutations in headers are refused.
    assertTrue(clean > 50 && refused > 50, "clean " + clean + ", refused " + refused);
  }

  private static void writeBasicHeader(ByteArrayOutputStream out, int fmt, int csid) {
    out.write((fmt << 6) | (csid < 64 ? csid : csid < 320 ? 0 : 1));
    if (csid >= 64) {
      out.write(csid - 64);
      if (csid >= 320) {
        out.write((csid - 64) >>> 8);
      }
    }
  }

  private static ByteArrayOutputStream handshake(Random r) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(r.nextBoolean() ? ClientHandshake.plainC0C1(r) : ClientHandshake.digestC0C1(r, r.nextBoolean() ? 8 : 772));
    out.writeBytes(new byte[1536]);
    return out;
  }

  /** Feeds the bytes in random slices; only the protocol exception may come out, and it closes. */
  private static int run(String kind, int seed, byte[] bytes, Random r) {
    EmbeddedChannel ch = new EmbeddedChannel(new ChannelInitializer<Channel>() {
      @Override
      protected void initChannel(Channel c) {
        RtmpPipeline.install(c.pipeline(), LIMITS);
      }
    });
    boolean failed = false;
    try {
      for (int at = 0; at < bytes.length; ) {
        int n = Math.min(bytes.length - at, 1 + r.nextInt(2048));
        ch.writeInbound(Unpooled.wrappedBuffer(bytes, at, n));
        at += n;
      }
    } catch (RtmpProtocolException expected) {
      failed = true;
      assertFalse(ch.isOpen(), kind + " seed " + seed + ": channel left open after " + expected.getMessage());
      assertTrue(expected.getMessage() != null && !expected.getMessage().isBlank());
    } catch (Throwable t) {
      fail(kind + " seed " + seed + ": " + t, t);
    }
    int decoded = ChunkDecoderTest.readAll(ch).size();
    for (ByteBuf out; (out = ch.readOutbound()) != null; ) {
      out.release();
    }
    if (!failed) {
      try {
        ch.finish();
      } catch (RtmpProtocolException e) {
        // a violation found only at close is still the protocol exception
      } catch (Throwable t) {
        fail(kind + " seed " + seed + " at close: " + t, t);
      }
    } else {
      ch.finishAndReleaseAll();
    }
    return failed ? -1 - decoded : decoded;
  }
}
