package io.tributary.ingest.flv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.ingest.amf0.Amf0Reader;
import io.tributary.ingest.testing.FfTools;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Real encoder output (ffmpeg's FLV muxer, the same bytes it publishes over RTMP) replayed through
 * the normalizer and the chunker from an arbitrary start near the 32-bit wrap; every chunk must
 * decode on its own, start on a keyframe and continue the previous chunk's timeline.
 */
class ChunkerOnRealClipsTest {
  @TempDir
  Path dir;

  @ParameterizedTest(name = "{0}/{1}")
  @CsvSource(nullValues = "none", value = {
      "libx264, aac, 25",
      "libx265, aac, 25",
      "libx264, none, 20",
      "none, libmp3lame, 0",
      "none, aac, 0"})
  void everyChunkDecodesAloneAndTimelineIsContinuous(String video, String audio, int gop) throws Exception {
    double seconds = 7;
    Path clip = FfTools.clip(dir, "clip", seconds, video, audio, Math.max(gop, 1));
    List<FlvChunk> chunks = new ArrayList<>();
    KeyframeChunker chunker = new KeyframeChunker(2000, 30_000, 16 << 20, chunks::add);
    TimestampNormalizer norm = new TimestampNormalizer(10_000);
    long offset = 0xFFFFFFFFL - 3000; // wraps 3 s in
    for (FlvTag t : FlvReader.read(Files.readAllBytes(clip))) {
      long raw = (t.timestamp() + offset) & 0xFFFFFFFFL;
      switch (t.type()) {
        case FlvTag.VIDEO -> chunker.onVideo(norm.normalize(Track.VIDEO, raw), t.body(), 0);
        case FlvTag.AUDIO -> chunker.onAudio(norm.normalize(Track.AUDIO, raw), t.body(), 0);
        default -> chunker.onMetadata(StreamMetadata.fromDataValues(Amf0Reader.readAll(t.body().array(), 8)));
      }
    }
    assertTrue(chunker.finish());
    assertTrue(chunks.size() >= 3, "7 s in 2 s chunks: " + chunks.size());
    assertEquals(0, norm.jumps(), "the wrap is not a jump");
    for (int i = 0; i < chunks.size(); i++) {
      FlvChunk c = chunks.get(i);
      Path f = dir.resolve(i + ".flv");
      Files.write(f, c.flv().toArray());
      assertEquals("", FfTools.decodeErrors(f), "chunk " + i + " decodes alone");
      List<String[]> packets = FfTools.packets(f);
      String[] first = packets.stream().filter(p -> p[0].equals(video != null ? "video" : "audio")).findFirst().orElseThrow();
      if (video != null) {
        assertTrue(first[4].startsWith("K"), "chunk " + i + " starts on a keyframe: " + String.join(",", first));
      }
      double firstDts = Double.parseDouble(first[2]);
      assertEquals(c.startMs() / 1000.0, firstDts, 0.0015, "chunk " + i + " first timestamp is its startMs");
      if (i + 1 < chunks.size()) {
        assertEquals(chunks.get(i + 1).startMs(), c.startMs() + c.durationMs(), "contiguous");
        // Target 2 s, GOP 1 s (25 frames at 25 fps): durations are within one GOP of the target.
        assertTrue(c.durationMs() >= 2000 && c.durationMs() <= 3000, "duration " + c.durationMs());
      } else {
        assertTrue(c.last());
      }
    }
    FlvChunk lastChunk = chunks.get(chunks.size() - 1);
    long total = lastChunk.startMs() + lastChunk.durationMs() - chunks.get(0).startMs();
    assertTrue(Math.abs(total - seconds * 1000) <= 200, "nothing missing: chunks cover " + total + " ms of " + seconds + " s");
    String expectedVideo = video == null ? null : video.equals("libx264") ? "avc" : "hevc";
    assertEquals(expectedVideo, lastChunk.source().videoCodec());
    if (video != null) {
      assertEquals(240, lastChunk.source().height());
    }
  }
}
