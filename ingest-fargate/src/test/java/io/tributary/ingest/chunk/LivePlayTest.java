package io.tributary.ingest.chunk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.core.media.FfmpegLocator;
import io.tributary.ingest.chunk.capture.CaptureServer;
import io.tributary.ingest.message.AudioMessage;
import io.tributary.ingest.message.Command;
import io.tributary.ingest.message.RtmpMessage;
import io.tributary.ingest.message.VideoMessage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * ffmpeg as an RTMP player against our handshake + chunk encoder: ffmpeg verifies our S1 and S2
 * digests when it plays (its rtmp_handshake rejects a server whose digests do not validate),
 * then demuxes what our encoder chunked (at 128 bytes without Set Chunk Size, and at 4096 after
 * announcing it) — with timestamps crossing 0xFFFFFF so the extended timestamp is on fmt 0 and
 * type 3 chunks — and every packet must arrive.
 */
class LivePlayTest {
  @TempDir Path dir;

  @ParameterizedTest(name = "out chunk size {0}")
  @ValueSource(ints = {128, 4096})
  void ffmpegPlaysWhatOurEncoderSends(int outChunkSize) throws Exception {
    byte[] publish = CapturedSessions.load("ffmpeg-h264-aac");
    List<RtmpMessage> published = CapturedSessionReplayTest.decodeInSlices(publish, null);
    // AVC packet type 1 (NALUs) become packets; the sequence header (0) and end of sequence (2) do not.
    long video = published.stream().filter(m -> m instanceof VideoMessage v && v.data().get(1) == 1).count();
    long audio = published.stream().filter(m -> m instanceof AudioMessage).count();
    try (CaptureServer server = CaptureServer.serving(publish, 0xFFFFFF - 500, outChunkSize)) {
      Path out = dir.resolve("played.flv");
      Path log = dir.resolve("ffmpeg.log");
      Process p = new ProcessBuilder(FfmpegLocator.binaries().ffmpeg().toString(), "-hide_banner", "-nostdin",
          "-loglevel", "error", "-i", server.publishUrl("testkey"), "-c", "copy", "-f", "flv", out.toString())
          .redirectErrorStream(true).redirectOutput(log.toFile()).start();
      try {
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "ffmpeg finished");
      } finally {
        p.destroyForcibly();
      }
      assertEquals(0, p.exitValue(), () -> "ffmpeg: " + readQuietly(log));
      CaptureServer.Capture c = server.next(Duration.ofSeconds(10));
      assertNotNull(c);
      assertNull(c.error());
      assertTrue(c.handshake().digest(), "ffmpeg played after validating our digest S1/S2");
      assertTrue(c.messages().stream().anyMatch(m -> m instanceof Command cmd && cmd.name().equals("play")));

      Process probe = new ProcessBuilder(FfmpegLocator.binaries().ffprobe().toString(), "-v", "error",
          "-count_packets", "-show_entries", "stream=codec_name,nb_read_packets", "-of", "csv=p=0", out.toString())
          .redirectErrorStream(true).start();
      assertTrue(probe.waitFor(60, TimeUnit.SECONDS));
      String streams = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
      // The AAC sequence header becomes codec extradata, not a packet.
      assertEquals(List.of("aac," + (audio - 1), "h264," + video), streams.lines().sorted().toList(),
          () -> "ffprobe: " + streams + " / ffmpeg: " + readQuietly(log));
    }
  }

  private static String readQuietly(Path p) {
    try {
      return Files.readString(p);
    } catch (Exception e) {
      return e.toString();
    }
  }
}
