package io.tributary.ingest.flv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tributary.ingest.message.Payload;
import java.util.HexFormat;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class TagInfoTest {
  static Stream<Arguments> video() {
    return Stream.of(
        Arguments.of("avc sequence header", "1700000000014d401f", new VideoTagInfo("avc", false, PacketKind.SEQUENCE_HEADER, 0)),
        Arguments.of("avc keyframe", "170100005000000001", new VideoTagInfo("avc", true, PacketKind.CODED, 80)),
        Arguments.of("avc b-frame negative cts", "2701ffffd800", new VideoTagInfo("avc", false, PacketKind.CODED, -40)),
        Arguments.of("avc end of sequence", "2702000000", new VideoTagInfo("avc", false, PacketKind.END_OF_SEQUENCE, 0)),
        Arguments.of("command frame", "5700", new VideoTagInfo("avc", false, PacketKind.OTHER, 0)),
        Arguments.of("enhanced hevc start", "9068766331aabb", new VideoTagInfo("hevc", false, PacketKind.SEQUENCE_HEADER, 0)),
        Arguments.of("enhanced hevc coded key", "916876633100002801", new VideoTagInfo("hevc", true, PacketKind.CODED, 40)),
        Arguments.of("enhanced hevc codedX inter", "a36876633101", new VideoTagInfo("hevc", false, PacketKind.CODED, 0)),
        Arguments.of("enhanced av1 key", "916176303112", new VideoTagInfo("av1", true, PacketKind.CODED, 0)),
        Arguments.of("enhanced vp9 start", "9076703039", new VideoTagInfo("vp9", false, PacketKind.SEQUENCE_HEADER, 0)),
        Arguments.of("enhanced sequence end", "9276703039", new VideoTagInfo("vp9", false, PacketKind.END_OF_SEQUENCE, 0)),
        Arguments.of("legacy hevc id 12", "1c01000000", new VideoTagInfo("hevc", true, PacketKind.CODED, 0)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("video")
  void parsesVideo(String name, String hex, VideoTagInfo expected) {
    assertEquals(expected, VideoTagInfo.parse(Payload.wrap(HexFormat.of().parseHex(hex))));
  }

  static Stream<Arguments> audio() {
    return Stream.of(
        Arguments.of("aac config 44.1k stereo", "af001210", new AudioTagInfo("aac", PacketKind.SEQUENCE_HEADER, 44100, 2)),
        Arguments.of("aac config 48k mono", "af001188", new AudioTagInfo("aac", PacketKind.SEQUENCE_HEADER, 48000, 1)),
        Arguments.of("aac raw", "af01210a", new AudioTagInfo("aac", PacketKind.CODED, 0, 0)),
        Arguments.of("mp3 44.1k joint stereo", "2ffffb9064", new AudioTagInfo("mp3", PacketKind.CODED, 44100, 2)),
        Arguments.of("mp3 mpeg2 24k mono", "2ffff384c4", new AudioTagInfo("mp3", PacketKind.CODED, 24000, 1)),
        Arguments.of("enhanced opus coded", "914f70757300", new AudioTagInfo("opus", PacketKind.CODED, 0, 0)),
        Arguments.of("enhanced aac start", "906d7034611190", new AudioTagInfo("aac", PacketKind.SEQUENCE_HEADER, 48000, 2)),
        Arguments.of("legacy pcm stereo", "3f00", new AudioTagInfo("flv-audio-3", PacketKind.CODED, 0, 2)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("audio")
  void parsesAudio(String name, String hex, AudioTagInfo expected) {
    assertEquals(expected, AudioTagInfo.parse(Payload.wrap(HexFormat.of().parseHex(hex))));
  }

  @Test
  void truncatedHeadersAreFormatErrors() {
    assertThrows(FlvFormatException.class, () -> VideoTagInfo.parse(Payload.EMPTY));
    assertThrows(FlvFormatException.class, () -> VideoTagInfo.parse(Payload.wrap(new byte[] {0x17, 1})));
    assertThrows(FlvFormatException.class, () -> VideoTagInfo.parse(Payload.wrap(new byte[] {(byte) 0x91, 'h', 'v'})));
    assertThrows(FlvFormatException.class, () -> AudioTagInfo.parse(Payload.EMPTY));
    assertThrows(FlvFormatException.class, () -> AudioTagInfo.parse(Payload.wrap(new byte[] {(byte) 0xAF})));
  }
}
