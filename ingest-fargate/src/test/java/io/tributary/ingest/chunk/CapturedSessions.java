package io.tributary.ingest.chunk;

import io.tributary.ingest.message.AudioMessage;
import io.tributary.ingest.message.Command;
import io.tributary.ingest.message.DataMessage;
import io.tributary.ingest.message.RtmpMessage;
import io.tributary.ingest.message.VideoMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Publish sessions of real clients captured with {@code capture.CaptureServer} (client bytes
 * after the handshake), and the checks any decoding of one must pass.
 */
final class CapturedSessions {
  static final List<String> NAMES = List.of("ffmpeg-h264-aac", "ffmpeg-hevc-aac", "gstreamer-h264-aac");

  private CapturedSessions() {}

  static byte[] load(String name) {
    String path = "/fixtures/rtmp/" + name + ".bin";
    try (InputStream in = CapturedSessions.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("missing fixture " + path);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A complete publish: connect ... publish, metadata, sequence headers first, media, unpublish. */
  static void assertPublishSession(String name, List<RtmpMessage> messages, boolean complete) {
    List<String> commands = messages.stream()
        .filter(m -> m instanceof Command).map(m -> ((Command) m).name()).toList();
    check(commands.size() >= 5 && commands.subList(0, 5).equals(
        List.of("connect", "releaseStream", "FCPublish", "createStream", "publish")), name + " command flow " + commands);
    Command connect = (Command) messages.get(0);
    check(connect.arguments().get(0) instanceof Map<?, ?> obj && "live".equals(obj.get("app")), name + " connect app");
    Command publish = messages.stream().filter(m -> m instanceof Command c && c.name().equals("publish"))
        .map(m -> (Command) m).findFirst().orElseThrow();
    check(publish.streamId() == 1 && publish.arguments().equals(Arrays.asList(null, "testkey", "live")), name + " publish " + publish);
    check(messages.stream().anyMatch(m -> m instanceof DataMessage d
        && d.values().size() == 3 && d.values().get(1).equals("onMetaData")), name + " onMetaData");
    List<VideoMessage> video = messages.stream().filter(m -> m instanceof VideoMessage).map(m -> (VideoMessage) m).toList();
    List<AudioMessage> audio = messages.stream().filter(m -> m instanceof AudioMessage).map(m -> (AudioMessage) m).toList();
    check(video.size() >= 20 && audio.size() >= 20, name + " media counts " + video.size() + "/" + audio.size());
    byte[] first = video.get(0).data().array();
    boolean legacyAvcHeader = first[0] == 0x17 && first[1] == 0;
    // Enhanced RTMP: IsExHeader bit, keyframe, PacketTypeSequenceStart (0), FourCC.
    boolean enhancedHeader = (first[0] & 0x80) != 0 && (first[0] & 0x0F) == 0;
    check(legacyAvcHeader || enhancedHeader, name + " first video is a sequence header: " + video.get(0).data());
    check(audio.get(0).data().get(0) == (byte) 0xAF && audio.get(0).data().get(1) == 0, name + " AAC sequence header first");
    for (int i = 1; i < video.size(); i++) {
      check(video.get(i).timestamp() >= video.get(i - 1).timestamp(), name + " video timestamps non-decreasing at " + i);
    }
    check(video.get(video.size() - 1).timestamp() >= 1200, name + " about 1.5 s of video");
    if (complete) {
      check(commands.contains("deleteStream"), name + " ends with deleteStream " + commands);
    }
  }

  private static void check(boolean condition, String what) {
    if (!condition) {
      throw new AssertionError(what);
    }
  }
}
