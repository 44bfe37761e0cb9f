package io.tributary.ingest.flv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.ingest.message.Payload;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Chunks built from pooled blocks: byte-exact across block edges, handed over without copies, recycled after release. */
class ChunkBytesTest {
  private static final Payload AVC_CONFIG = Payload.wrap(HexFormat.of().parseHex("1700000000014d401fffe1"));

  /** A video frame whose size makes tag headers and bodies straddle the 64 KiB block edges. */
  private static Payload frame(boolean key, int size, Random r) {
    byte[] b = new byte[size];
    r.nextBytes(b);
    b[0] = (byte) (key ? 0x17 : 0x27);
    b[1] = 1;
    return Payload.wrap(b);
  }

  @Test
  void tagsStraddlingBlockEdgesReadBackExactly() throws Exception {
    List<FlvChunk> out = new ArrayList<>();
    BlockPool pool = new BlockPool(64);
    KeyframeChunker chunker = new KeyframeChunker(2000, 30_000, 64 << 20, pool, out::add);
    Random r = new Random(3);
    List<Payload> sent = new ArrayList<>();
    chunker.onVideo(0, AVC_CONFIG, 0);
    for (int t = 0; t <= 2000; t += 40) {
      Payload f = frame(t % 2000 == 0, 9_001 + r.nextInt(30_000), r);
      chunker.onVideo(t, f, t);
      if (t < 2000) {
        sent.add(f);
      }
    }
    assertEquals(1, out.size(), "cut at the keyframe at 2000 ms");
    ChunkBytes bytes = out.get(0).flv();
    assertTrue(bytes.length() > 10 * BlockPool.BLOCK_SIZE, "spans many blocks: " + bytes.length());
    byte[] file = bytes.toArray();
    List<FlvTag> tags = FlvReader.read(file);
    List<Payload> video = tags.stream().filter(t -> t.type() == FlvTag.VIDEO).map(FlvTag::body).toList();
    assertEquals(AVC_CONFIG, video.get(0), "sequence header first");
    assertEquals(sent, video.subList(1, video.size()), "every frame byte-exact, in order");
    assertArrayEquals(file, bytes.inputStream().readAllBytes(), "the stream S3 reads is the same file");
    ByteArrayOutputStream spilled = new ByteArrayOutputStream();
    bytes.writeTo(spilled);
    assertArrayEquals(file, spilled.toByteArray(), "the spill copy is the same file");
    assertEquals(ChunkBytes.wrap(file), bytes, "equality by content");
  }

  @Test
  void releasedBlocksAreReusedAndTheReleasedChunkCannotBeRead() {
    List<FlvChunk> out = new ArrayList<>();
    BlockPool pool = new BlockPool(1024);
    KeyframeChunker chunker = new KeyframeChunker(2000, 30_000, 64 << 20, pool, out::add);
    Random r = new Random(5);
    chunker.onVideo(0, AVC_CONFIG, 0);
    for (int t = 0; t <= 20_000; t += 40) {
      chunker.onVideo(t, frame(t % 2000 == 0, 12_000, r), t);
      // Uploaded at once: the blocks go straight back.
      out.forEach(c -> c.flv().release());
    }
    assertEquals(10, out.size());
    long blocksPerChunk = out.get(0).flv().length() / BlockPool.BLOCK_SIZE + 1;
    // The filling chunk plus the one just closed: everything else came from the free list.
    assertTrue(pool.allocatedBlocks() <= 2 * blocksPerChunk + 1,
        pool.allocatedBlocks() + " blocks allocated for 10 chunks of " + blocksPerChunk);
    assertThrows(IllegalStateException.class, () -> out.get(0).flv().toArray());
    assertTrue(chunker.bufferCapacity() > 0 && chunker.bufferCapacity() % BlockPool.BLOCK_SIZE == 0);
  }

  @Test
  void anUnpooledChunkerKeepsNothingAfterRelease() {
    BlockPool none = new BlockPool(0);
    FlvBuffer buf = new FlvBuffer(none);
    buf.writeHeader(true, true);
    buf.writeTag(FlvBuffer.TAG_VIDEO, 5, new byte[100_000], 0, 100_000);
    ChunkBytes c = buf.take();
    assertEquals(13 + 15 + 100_000, c.length());
    assertEquals(0, buf.capacity(), "the buffer hands its blocks over");
    c.release();
    assertEquals(0, none.freeBytes());
  }
}
