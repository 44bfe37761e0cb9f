package io.tributary.infra.transcode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.infra.Synth;
import io.tributary.infra.TestArtifacts;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The layer is the bytedeco binary the build resolved, staged as-is and runnable from /opt/bin's layout. */
class FfmpegLayerTest {

  @Test
  void stagedLayerHoldsRunnableFfmpegWithItsLibraries() throws IOException, InterruptedException {
    Synth.variant();
    Path out = Path.of("target", "cdk.out-variant");
    Path staged;
    try (Stream<Path> assets = Files.list(out)) {
      staged = assets.filter(p -> Files.isExecutable(p.resolve("bin/ffmpeg"))).findFirst()
          .orElseThrow(() -> new AssertionError("no staged asset with bin/ffmpeg in " + out));
    }
    assertTrue(Files.isExecutable(staged.resolve("bin/ffprobe")));
    assertTrue(Files.isRegularFile(staged.resolve("bin/libavcodec.so.61")));
    try (Stream<Path> jni = Files.list(staged.resolve("bin"))) {
      assertEquals(0, jni.filter(p -> p.getFileName().toString().startsWith("libjni")).count());
    }
    // The staged copy runs, finding its libraries through RUNPATH $ORIGIN as it will in /opt/bin.
    Process p = new ProcessBuilder(staged.resolve("bin/ffmpeg").toString(), "-hide_banner", "-version")
        .redirectErrorStream(true).start();
    String version = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(30, TimeUnit.SECONDS));
    assertEquals(0, p.exitValue(), version);
    assertTrue(version.startsWith("ffmpeg version 7.1.1"), version);
    assertTrue(version.contains("--enable-libx264"), version);
    assertTrue(TestArtifacts.FFMPEG_LAYER.toFile().isDirectory());
  }
}
