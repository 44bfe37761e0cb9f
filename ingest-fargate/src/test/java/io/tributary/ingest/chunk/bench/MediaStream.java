package io.tributary.ingest.chunk.bench;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.tributary.ingest.chunk.ChunkEncoder;
import io.tributary.ingest.message.AudioMessage;
import io.tributary.ingest.message.Payload;
import io.tributary.ingest.message.RtmpMessage;
import io.tributary.ingest.message.VideoMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A realistic publish as chunk-stream bytes: 3 Mbit/s 30 fps video (keyframe every 2 s about
 * 8x a delta frame) interleaved with 128 kbit/s AAC (about 43 frames/s), chunked by our encoder
 * at the given chunk size (a Set Chunk Size first when not 128), as an encoder would send it.
 */
record MediaStream(byte[] bytes, int messages) {

  static MediaStream of(int seconds, int chunkSize, long seed) {
    Random random = new Random(seed);
    List<RtmpMessage> media = new ArrayList<>();
    int videoBytesPerSecond = 3_000_000 / 8;
    int gop = 60;
    int deltaSize = videoBytesPerSecond * gop / 30 / (gop - 1 + 8);
    for (int frame = 0; frame < seconds * 30; frame++) {
      long ts = frame * 1000L / 30;
      int size = frame % gop == 0 ? 8 * deltaSize : deltaSize - 400 + random.nextInt(800);
      media.add(new VideoMessage(1, ts, Payload.wrap(randomBytes(random, size))));
      // Audio frames of 1024 samples at 48 kHz: 21.3 ms each.
      for (long a = ts * 48 / 1024; a < (ts + 33) * 48 / 1024; a++) {
        media.add(new AudioMessage(1, a * 1024 / 48, Payload.wrap(randomBytes(random, 340 + random.nextInt(60)))));
      }
    }
    EmbeddedChannel ch = new EmbeddedChannel(new ChunkEncoder(chunkSize));
    for (RtmpMessage m : media) {
      ch.writeOutbound(m);
    }
    ByteBuf all = Unpooled.buffer();
    for (ByteBuf b; (b = ch.readOutbound()) != null; b.release()) {
      all.writeBytes(b);
    }
    byte[] bytes = new byte[all.readableBytes()];
    all.readBytes(bytes);
    all.release();
    ch.finishAndReleaseAll();
    return new MediaStream(bytes, media.size() + (chunkSize == 128 ? 0 : 1));
  }

  private static byte[] randomBytes(Random random, int size) {
    byte[] b = new byte[size];
    random.nextBytes(b);
    return b;
  }
}
