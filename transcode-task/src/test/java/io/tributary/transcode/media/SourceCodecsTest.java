package io.tributary.transcode.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.core.job.TranscodeJob;
import io.tributary.core.media.FfmpegLocator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sources other than H.264 + AAC: HEVC in enhanced FLV is remuxed untouched, MP3 audio is encoded to AAC. */
class SourceCodecsTest {
  @TempDir
  Path work;

  private List<TranscodeResult> run(TestClips.Spec spec) throws Exception {
    List<Path> chunks = TestClips.chunks(spec);
    List<TranscodeJob> jobs = TestJobs.forClip(spec, chunks, TestJobs.newStream(), TestJobs.newSession(), 0,
        TestJobs.SMALL_LADDER);
    Transcoder t = new Transcoder(FfmpegLocator.binaries().ffmpeg(), new FfmpegRunner(Duration.ofMinutes(2), 8192),
        EncoderSettings.DEFAULT);
    List<TranscodeResult> out = new ArrayList<>();
    for (int i = 0; i < chunks.size(); i++) {
      out.add(t.transcode(chunks.get(i), Files.createDirectories(work.resolve("j" + i)), TranscodePlan.of(jobs.get(i))));
    }
    return out;
  }

  @Test
  void hevcSourceIsRemuxedAsHvc1AndLadderRungsAreH264() throws Exception {
    List<TranscodeResult> results = run(new TestClips.Spec(320, 180, 25, 4, 2, "libx265", "aac", 44100));
    TrackOutput source = results.get(0).video().get(0);
    assertTrue(source.track().codecs().matches("(hvc1|hev1)\\.1\\.6\\.L\\d+(\\.[0-9A-F]+)*"), source.track().codecs());
    assertEquals(320, source.track().width());
    assertTrue(results.get(0).video().get(1).track().codecs().startsWith("avc1."));
    assertEquals(results.get(0).video().get(0).segment().decodeTime(), results.get(0).video().get(1).segment().decodeTime());
    TrackOutput a0 = results.get(0).audio().orElseThrow();
    TrackOutput a1 = results.get(1).audio().orElseThrow();
    assertEquals(44_100, a0.track().timescale());
    assertEquals(a1.segment().decodeTime(), a0.segment().decodeTime() + a0.segment().durationTs());
    MediaChecks.decodesCleanly(work, "hevc", source.init().bytes(),
        List.of(source.media().bytes(), results.get(1).video().get(0).media().bytes()));
  }

  @Test
  void av1SourceIsRemuxedAsAv01() throws Exception {
    List<TranscodeResult> results = run(new TestClips.Spec(320, 180, 25, 4, 2, "libsvtav1", "aac", 48000));
    TrackOutput source = results.get(0).video().get(0);
    assertTrue(source.track().codecs().matches("av01\\.0\\.\\d\\d[MH]\\.08"), source.track().codecs());
    assertEquals(List.of("source", "144p"), results.get(0).video().stream().map(TrackOutput::name).toList());
    assertEquals(source.segment().decodeTime(), results.get(0).video().get(1).segment().decodeTime());
    assertEquals(results.get(1).video().get(0).segment().decodeTime(),
        source.segment().decodeTime() + source.segment().durationTs(), "continuous across chunks");
    MediaChecks.decodesCleanly(work, "av1", source.init().bytes(),
        List.of(source.media().bytes(), results.get(1).video().get(0).media().bytes()));
  }

  @Test
  void mp3AudioIsEncodedToAacOnTheFrameGrid() throws Exception {
    List<TranscodeResult> results = run(new TestClips.Spec(320, 180, 30, 4, 2, "libx264", "libmp3lame", 44100));
    for (TranscodeResult r : results) {
      TrackOutput a = r.audio().orElseThrow();
      assertEquals("mp4a.40.2", a.track().codecs());
      assertEquals(48_000, a.track().sampleRate());
      assertEquals(0, a.segment().decodeTime() % 1024);
      MediaChecks.decodesCleanly(work, "mp3-aac", a.init().bytes(), List.of(a.media().bytes()));
    }
    TrackOutput a0 = results.get(0).audio().orElseThrow();
    TrackOutput a1 = results.get(1).audio().orElseThrow();
    // Known limit (BENCHMARKS.md/README): a per-chunk AAC encode starts with the encoder's priming frame,
    // so consecutive encoded chunks may overlap by at most one frame; copied AAC joins exactly.
    long gap = a1.segment().decodeTime() - (a0.segment().decodeTime() + a0.segment().durationTs());
    assertTrue(Math.abs(gap) <= 1024, "encoded audio joins within one frame, gap " + gap);
  }

  @Test
  void audioOnlySourceProducesOnlyTheAudioTrack() throws Exception {
    List<TranscodeResult> results = run(new TestClips.Spec(0, 0, 30, 4, 2, "none", "aac", 48000));
    for (int i = 0; i < results.size(); i++) {
      TranscodeResult r = results.get(i);
      assertTrue(r.video().isEmpty());
      assertTrue(r.thumbnail().isEmpty());
      TrackOutput a = r.audio().orElseThrow();
      assertEquals(0, a.segment().decodeTime() % 1024);
      assertEquals(a.segment().sampleCount() * 1024 / 48_000.0, r.durationSeconds(), 1e-9, "duration from the audio track");
      if (i + 1 < results.size()) {
        assertTrue(r.durationSeconds() > 1.5, "cut by time: " + r.durationSeconds());
      }
    }
    TrackOutput a0 = results.get(0).audio().orElseThrow();
    TrackOutput a1 = results.get(1).audio().orElseThrow();
    assertEquals(a1.segment().decodeTime(), a0.segment().decodeTime() + a0.segment().durationTs());
  }

  @Test
  void videoOnlySourceHasNoAudioTrack() throws Exception {
    List<TranscodeResult> results = run(new TestClips.Spec(320, 180, 30, 4, 2, "libx264", "none", 48000));
    assertTrue(results.get(0).audio().isEmpty());
    assertEquals(List.of("source", "144p"), results.get(0).video().stream().map(TrackOutput::name).toList());
  }

  @Test
  void copiedAacAt44100JoinsToTheSampleOverTwentyConsecutiveChunks() throws Exception {
    // 44.1 kHz: a frame is 23.22 ms, so every FLV stamp is rounded and naive durations jitter.
    List<TranscodeResult> results = run(new TestClips.Spec(0, 0, 30, 20, 1, "none", "aac", 44100));
    assertTrue(results.size() >= 19, "chunks: " + results.size());
    for (int i = 0; i + 1 < results.size(); i++) {
      TrackOutput a = results.get(i).audio().orElseThrow();
      TrackOutput b = results.get(i + 1).audio().orElseThrow();
      assertEquals(b.segment().decodeTime(), a.segment().decodeTime() + a.segment().durationTs(), "join " + i);
    }
  }
}
