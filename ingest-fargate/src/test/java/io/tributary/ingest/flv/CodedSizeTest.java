package io.tributary.ingest.flv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.ingest.message.Payload;
import io.tributary.ingest.testing.FfTools;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Picture size from the SPS of real encoder output (ffmpeg's FLV muxer: legacy AVC, enhanced-RTMP
 * HEVC), including sizes that need cropping (not multiples of 16) and interlaced coding; and the
 * chunker trusting the SPS over an onMetaData that lies.
 */
class CodedSizeTest {
  @TempDir
  Path dir;

  @ParameterizedTest(name = "{0} {1}x{2} {3}")
  @CsvSource({
      "libx264, 1280, 720, ''",
      "libx264, 854, 480, ''",
      "libx264, 642, 362, ''",
      "libx264, 640, 360, -profile:v baseline",
      "libx264, 720, 576, -flags +ildct+ilme",
      "libx264, 320, 240, -pix_fmt yuv444p",
      "libx265, 1280, 720, ''",
      "libx265, 642, 362, ''"})
  void sizeFromTheSpsOfRealEncoderOutput(String codec, int w, int h, String extra) throws Exception {
    Path clip = dir.resolve("c.flv");
    List<String> args = new ArrayList<>(List.of("-v", "error", "-f", "lavfi", "-i", "testsrc2=size=" + w + "x" + h
        + ":rate=25", "-t", "0.4", "-c:v", codec));
    if (!extra.isBlank()) {
      args.addAll(List.of(extra.split(" ")));
    }
    if (codec.equals("libx265")) {
      args.addAll(List.of("-x265-params", "log-level=error"));
    }
    args.addAll(List.of("-f", "flv", "-y", clip.toString()));
    FfTools.Result r = FfTools.ffmpeg(120, args.toArray(String[]::new));
    assertEquals(0, r.exit(), r.stderr());
    Payload header = sequenceHeader(clip);
    VideoTagInfo info = VideoTagInfo.parse(header);
    assertEquals(codec.equals("libx264") ? "avc" : "hevc", info.codec());
    assertEquals(Optional.of(new CodedSize(w, h)), CodedSize.fromSequenceHeader(info.codec(), header));
  }

  @Test
  void theChunkerReportsTheSpsSizeWhenMetadataLiesOrIsMissing() throws Exception {
    Path clip = FfTools.clip(dir, "clip", 3, "libx264", "aac", 25);
    for (Map<String, Object> md : List.<Map<String, Object>>of(
        Map.of("width", 1920.0, "height", 1080.0, "videocodecid", 7.0), Map.of("videocodecid", 7.0))) {
      List<FlvChunk> chunks = new ArrayList<>();
      KeyframeChunker chunker = new KeyframeChunker(2000, 30_000, 16 << 20, chunks::add);
      chunker.onMetadata(StreamMetadata.fromDataValues(List.of("@setDataFrame", "onMetaData", md)));
      for (FlvTag t : FlvReader.read(Files.readAllBytes(clip))) {
        if (t.type() == FlvTag.VIDEO) {
          chunker.onVideo(t.timestamp(), t.body(), 0);
        } else if (t.type() == FlvTag.AUDIO) {
          chunker.onAudio(t.timestamp(), t.body(), 0);
        }
      }
      assertTrue(chunker.finish());
      Payload header = sequenceHeader(clip);
      CodedSize real = CodedSize.fromSequenceHeader("avc", header).orElseThrow();
      assertEquals(real.width(), chunks.get(0).source().width(), "metadata " + md);
      assertEquals(real.height(), chunks.get(0).source().height(), "metadata " + md);
    }
  }

  @Test
  void unreadableRecordsFallBackToNothing() {
    assertEquals(Optional.empty(), CodedSize.fromSequenceHeader("avc", Payload.wrap(new byte[] {0x17, 0, 0, 0, 0, 1})));
    assertEquals(Optional.empty(), CodedSize.fromSequenceHeader("hevc", Payload.wrap(new byte[] {0x1c, 0, 0, 0, 0})));
    assertEquals(Optional.empty(), CodedSize.fromSequenceHeader("av1", Payload.wrap(new byte[] {(byte) 0x90, 'a', 'v',
        '0', '1', 0x0a})));
  }

  private static Payload sequenceHeader(Path flv) throws Exception {
    for (FlvTag t : FlvReader.read(Files.readAllBytes(flv))) {
      if (t.type() == FlvTag.VIDEO && VideoTagInfo.parse(t.body()).kind() == PacketKind.SEQUENCE_HEADER) {
        return t.body();
      }
    }
    throw new AssertionError("no video sequence header in " + flv);
  }
}
