package io.tributary.ingest.flv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.ingest.message.Payload;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Cut rules on synthetic tags; {@link ChunkerOnRealClipsTest} checks decodability with ffmpeg. */
class KeyframeChunkerTest {
  private static final Payload AVC_CONFIG = hex("1700000000014d401fffe1");
  private static final Payload AAC_CONFIG = hex("af001210");
  private final List<FlvChunk> chunks = new ArrayList<>();
  private final KeyframeChunker chunker = new KeyframeChunker(2000, 30_000, 8 << 20, chunks::add);

  private static Payload hex(String h) {
    return Payload.wrap(HexFormat.of().parseHex(h));
  }

  private static Payload frame(boolean key) {
    return hex((key ? "17" : "27") + "01000000aabbccdd");
  }

  private static Payload aac() {
    return hex("af01211122");
  }

  private void feedAv(long fromMs, long toMs, int gopMs) {
    for (long t = fromMs; t < toMs; t += 40) {
      chunker.onVideo(t, frame(t % gopMs == 0), 1000 + t);
      chunker.onAudio(t + 5, aac(), 1000 + t);
    }
  }

  @Test
  void cutsAtFirstKeyframeAtOrPastTarget() {
    chunker.onMetadata(StreamMetadata.fromDataValues(List.of("@setDataFrame", "onMetaData",
        Map.of("width", 640.0, "height", 360.0, "framerate", 25.0, "videocodecid", 7.0, "audiocodecid", 10.0))));
    chunker.onVideo(0, AVC_CONFIG, 1000);
    chunker.onAudio(0, AAC_CONFIG, 1000);
    feedAv(0, 7000, 1200);
    // Keyframes every 1200 ms: cuts at 2400 and 4800 (the first keyframes >= 2000 after each start).
    assertEquals(2, chunks.size());
    assertEquals(List.of(0L, 2400L), chunks.stream().map(FlvChunk::startMs).toList());
    assertEquals(List.of(2400L, 2400L), chunks.stream().map(FlvChunk::durationMs).toList());
    assertTrue(chunker.finish());
    FlvChunk last = chunks.get(2);
    assertTrue(last.last());
    assertEquals(4800, last.startMs());
    assertEquals(6960 + 40 - 4800, last.durationMs());
    assertEquals(1000 + 4800, last.capturedAtMs());
    assertEquals("avc", last.source().videoCodec());
    assertEquals("aac", last.source().audioCodec());
    assertEquals(360, last.source().height());
    assertEquals(44100, last.source().audioSampleRate());
  }

  @Test
  void chunkIsAStandaloneFlvStartingWithHeadersThenKeyframe() {
    chunker.onVideo(0, AVC_CONFIG, 0);
    chunker.onAudio(0, AAC_CONFIG, 0);
    feedAv(0, 4100, 2000);
    FlvChunk second = chunks.isEmpty() ? null : chunks.get(0);
    assertTrue(chunker.finish());
    second = chunks.get(1);
    List<FlvTag> tags = FlvReader.read(second.flv().toArray());
    assertEquals(FlvTag.SCRIPT, tags.get(0).type());
    assertEquals(AVC_CONFIG, tags.get(1).body());
    assertEquals(AAC_CONFIG, tags.get(2).body());
    assertEquals(frame(true), tags.get(3).body());
    assertEquals(2000, tags.get(3).timestamp());
    for (FlvTag t : tags) {
      assertTrue(t.timestamp() >= 2000, "no tag before the chunk start");
    }
    List<Object> md = io.tributary.ingest.amf0.Amf0Reader.readAll(tags.get(0).body().array(), 4);
    assertEquals("onMetaData", md.get(0));
  }

  @Test
  void mediaBeforeFirstKeyframeIsDropped() {
    chunker.onVideo(0, AVC_CONFIG, 0);
    chunker.onVideo(0, frame(false), 0);
    chunker.onAudio(10, aac(), 0);
    chunker.onVideo(40, frame(false), 0);
    assertFalse(chunker.finish(), "nothing decodable yet");
    chunker.onVideo(80, frame(true), 0);
    assertTrue(chunker.finish());
    assertEquals(80, chunks.get(0).startMs());
  }

  @Test
  void audioOnlyIsCutByTime() {
    chunker.onMetadata(StreamMetadata.fromDataValues(List.of("onMetaData", Map.of("audiocodecid", 10.0,
        "audiosamplerate", 44100.0, "stereo", true))));
    chunker.onAudio(0, AAC_CONFIG, 0);
    for (long t = 0; t < 6500; t += 23) {
      chunker.onAudio(t, aac(), t);
    }
    assertEquals(3, chunks.size());
    for (FlvChunk c : chunks) {
      assertTrue(c.durationMs() >= 2000 && c.durationMs() < 2023, "cut at the first frame past 2 s: " + c.durationMs());
      assertEquals(null, c.source().videoCodec());
    }
    assertEquals(chunks.get(1).startMs(), chunks.get(0).startMs() + chunks.get(0).durationMs());
  }

  @Test
  void audioWithoutMetadataWaitsOneTargetBeforeGoingAudioOnly() {
    for (long t = 0; t < 1500; t += 23) {
      chunker.onAudio(t, aac(), t);
    }
    chunker.onVideo(1500, frame(true), 1500);
    assertTrue(chunker.finish());
    assertEquals(1, chunks.size());
    assertEquals(1500, chunks.get(0).startMs(), "held audio dropped, chunk starts on the keyframe");
  }

  @Test
  void keyframeStarvedStreamIsRefused() {
    chunker.onVideo(0, frame(true), 0);
    assertThrows(FlvFormatException.class, () -> {
      for (long t = 40; t < 40_000; t += 40) {
        chunker.onVideo(t, frame(false), t);
      }
    });
  }

  @Test
  void sizeLimitIsEnforced() {
    KeyframeChunker small = new KeyframeChunker(2000, 30_000, 4096, chunks::add);
    small.onVideo(0, frame(true), 0);
    assertThrows(FlvFormatException.class, () -> small.onVideo(40, Payload.wrap(new byte[5000]), 0));
  }
}
