package io.tributary.transcode.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class FfmpegRunnerTest {
  @Test
  void aFailingRunCarriesExitCodeArgvAndStderr() {
    List<String> argv = List.of(TestClips.ffmpeg(), "-hide_banner", "-i", "/nonexistent/chunk.flv", "-f", "null", "-");
    FfmpegException e = assertThrows(FfmpegException.class, () -> new FfmpegRunner(Duration.ofSeconds(30), 4096).run(argv));
    assertTrue(e.exitCode() > 0, "exit " + e.exitCode());
    assertEquals(argv, e.argv());
    assertTrue(e.stderrTail().contains("No such file"), e.stderrTail());
  }

  @Test
  void aRunPastItsTimeoutIsKilled() {
    long start = System.nanoTime();
    FfmpegException e = assertThrows(FfmpegException.class, () -> new FfmpegRunner(Duration.ofSeconds(1), 4096)
        .run(List.of(TestClips.ffmpeg(), "-hide_banner", "-re", "-f", "lavfi", "-i", "testsrc2=size=64x64", "-f", "null", "-")));
    assertEquals(-1, e.exitCode());
    assertTrue(e.getMessage().contains("timed out"), e.getMessage());
    assertTrue(System.nanoTime() - start < Duration.ofSeconds(10).toNanos(), "killed, not waited for");
  }

  @Test
  void stderrIsBoundedToItsTail() {
    FfmpegException e = assertThrows(FfmpegException.class, () -> new FfmpegRunner(Duration.ofSeconds(30), 1000)
        .run(List.of("sh", "-c", "i=0; while [ $i -lt 2000 ]; do echo line $i >&2; i=$((i+1)); done; exit 3")));
    assertEquals(3, e.exitCode());
    assertTrue(e.stderrTail().length() <= 1003, "bounded: " + e.stderrTail().length());
    assertTrue(e.stderrTail().strip().endsWith("line 1999"), "keeps the end, where ffmpeg says why it failed");
  }
}
