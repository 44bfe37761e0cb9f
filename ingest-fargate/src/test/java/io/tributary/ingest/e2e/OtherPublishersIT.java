package io.tributary.ingest.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tributary.core.job.TranscodeJob;
import io.tributary.ingest.server.RunningIngest;
import io.tributary.ingest.testing.FfTools;
import io.tributary.ingest.testing.QueuedJobs;
import io.tributary.ingest.testing.TestStreams;
import io.tributary.local.aws.LocalAws;
import io.tributary.local.aws.LocalAwsExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Publishers other than plain ffmpeg RTMP: GStreamer's rtmp2sink (Debian packages
 * gstreamer1.0-tools, -plugins-base, -plugins-good, -plugins-bad, -plugins-ugly; skipped with the
 * reason when absent) and ffmpeg over RTMPS to the local TLS port (self-signed certificate made
 * with the openssl CLI).
 */
@ExtendWith(LocalAwsExtension.class)
class OtherPublishersIT {

  @Test
  void gstreamerRtmp2sink(LocalAws aws, @TempDir Path dir) throws Exception {
    for (String element : List.of("rtmp2sink", "flvmux", "x264enc", "voaacenc", "h264parse", "aacparse")) {
      assumeTrue(run(10, "gst-inspect-1.0", element) == 0, "GStreamer element " + element + " not installed "
          + "(apt-get install gstreamer1.0-tools gstreamer1.0-plugins-base gstreamer1.0-plugins-good "
          + "gstreamer1.0-plugins-bad gstreamer1.0-plugins-ugly)");
    }
    try (RunningIngest ingest = RunningIngest.start(aws, Map.of())) {
      TestStreams.Created stream = TestStreams.create(aws, 2000, "default", false);
      Path log = dir.resolve("gst.log");
      // 6 s at 25 fps, keyframe every 25 frames; audio 6 s of 1024-sample buffers at 44.1 kHz.
      Process p = new ProcessBuilder("gst-launch-1.0", "-e",
          "videotestsrc", "num-buffers=150", "!", "video/x-raw,width=320,height=240,framerate=25/1", "!",
          "x264enc", "key-int-max=25", "speed-preset=ultrafast", "bframes=2", "!", "h264parse", "!",
          "flvmux", "name=m", "streamable=true", "!", "rtmp2sink", "location=" + ingest.url(stream.key()), "sync=false",
          "audiotestsrc", "num-buffers=258", "!", "audio/x-raw,rate=44100,channels=2", "!", "voaacenc", "!",
          "aacparse", "!", "m.")
          .redirectErrorStream(true).redirectOutput(log.toFile()).start();
      assertTrue(p.waitFor(60, TimeUnit.SECONDS), "gstreamer finished");
      assertEquals(0, p.exitValue(), Files.readString(log));
      List<QueuedJobs.Received> jobs = QueuedJobs.await(aws, stream.streamId().value(), 2, 20_000);
      ChunkChecks.verify(aws, jobs, dir, true, 1000, 2000, 6.0);
      TranscodeJob first = jobs.get(0).job();
      assertEquals("avc", first.source().videoCodec());
      assertEquals("aac", first.source().audioCodec());
    }
  }

  @Test
  void ffmpegOverRtmps(LocalAws aws, @TempDir Path dir) throws Exception {
    assumeTrue(run(10, "openssl", "version") == 0, "openssl CLI not installed: cannot make a test certificate");
    Path cert = dir.resolve("cert.pem");
    Path key = dir.resolve("key.pem");
    assertEquals(0, run(60, "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key.toString(),
        "-out", cert.toString(), "-days", "1", "-subj", "/CN=localhost"));
    int tlsPort;
    try (java.net.ServerSocket free = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      tlsPort = free.getLocalPort();
    }
    try (RunningIngest ingest = RunningIngest.start(aws, Map.of("TRIBUTARY_INGEST_TLS_PORT", Integer.toString(tlsPort),
        "TRIBUTARY_INGEST_TLS_CERT", cert.toString(), "TRIBUTARY_INGEST_TLS_KEY", key.toString()))) {
      Path clip = FfTools.clip(dir, "tls", 4.5, "libx264", "aac", 25);
      TestStreams.Created stream = TestStreams.create(aws, 2000, "default", false);
      Path log = dir.resolve("ffmpeg.log");
      Process p = FfTools.start(log, "-v", "error", "-i", clip.toString(), "-c", "copy", "-f", "flv",
          "rtmps://127.0.0.1:" + tlsPort + "/live/" + stream.key());
      assertTrue(p.waitFor(60, TimeUnit.SECONDS));
      assertEquals(0, p.exitValue(), Files.readString(log));
      List<QueuedJobs.Received> jobs = QueuedJobs.await(aws, stream.streamId().value(), 2, 20_000);
      ChunkChecks.verify(aws, jobs, dir, true, 1000, 2000, 4.5);
    }
  }

  private static int run(long timeoutS, String... cmd) {
    try {
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      if (!p.waitFor(timeoutS, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return -1;
      }
      return p.exitValue();
    } catch (java.io.IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }
}
