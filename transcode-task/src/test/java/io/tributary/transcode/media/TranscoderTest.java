package io.tributary.transcode.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.core.job.TranscodeJob;
import io.tributary.core.media.FfmpegLocator;
import io.tributary.transcode.mp4.Sample;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real ffmpeg on generated 640x360 chunks with B-frames: the CMAF timing rules of issue 4. */
class TranscoderTest {
  private static final TestClips.Spec SPEC = TestClips.MEDIUM;
  private static List<TranscodeJob> jobs;
  private static List<TranscodeResult> results;
  private static List<Path> chunks;
  @TempDir
  static Path work;

  @BeforeAll
  static void transcodeAll() throws Exception {
    chunks = TestClips.chunks(SPEC);
    jobs = TestJobs.forClip(SPEC, chunks, TestJobs.newStream(), TestJobs.newSession(), 10, TestJobs.SMALL_LADDER);
    Transcoder t = new Transcoder(FfmpegLocator.binaries().ffmpeg(), new FfmpegRunner(Duration.ofMinutes(2), 8192),
        EncoderSettings.DEFAULT);
    results = new ArrayList<>();
    for (int i = 0; i < chunks.size(); i++) {
      Path dir = Files.createDirectories(work.resolve("job" + i));
      results.add(t.transcode(chunks.get(i), dir, TranscodePlan.of(jobs.get(i))));
    }
  }

  @Test
  void clipIsCutIntoSeveralChunks() {
    assertEquals(3, chunks.size(), "6 s with a 2 s GOP");
    for (TranscodeResult r : results) {
      assertEquals(List.of("source", "240p", "144p"), r.video().stream().map(TrackOutput::name).toList());
      assertTrue(r.audio().isPresent());
      byte[] jpeg = r.thumbnail().orElseThrow().bytes();
      assertTrue(jpeg.length > 500 && (jpeg[0] & 0xff) == 0xff && (jpeg[1] & 0xff) == 0xd8, "a JPEG thumbnail");
    }
  }

  @Test
  void everyRenditionDecodesWithoutErrorAcrossAllChunks() {
    Map<String, List<byte[]>> media = new LinkedHashMap<>();
    Map<String, byte[]> init = new LinkedHashMap<>();
    for (TranscodeResult r : results) {
      List<TrackOutput> all = new ArrayList<>(r.video());
      all.add(r.audio().orElseThrow());
      for (TrackOutput t : all) {
        init.putIfAbsent(t.name(), t.init().bytes());
        media.computeIfAbsent(t.name(), k -> new ArrayList<>()).add(t.media().bytes());
        // Each segment alone after its init, as a player joining live would fetch it.
        MediaChecks.decodesCleanly(work, t.name() + "-single", t.init().bytes(), List.of(t.media().bytes()));
      }
    }
    media.forEach((name, segs) -> MediaChecks.decodesCleanly(work, name, init.get(name), segs));
  }

  @Test
  void firstSampleOfEveryVideoSegmentIsSyncAndTheOnlySyncInEncodedRungs() {
    for (TranscodeResult r : results) {
      for (TrackOutput t : r.video()) {
        List<Sample> s = t.segment().samples();
        assertTrue(s.get(0).isSync(), t.name() + " starts with a sync sample");
        assertEquals(0, s.get(0).compositionOffset(), t.name() + ": tfdt is the first frame's presentation time");
        if (!t.name().equals("source")) {
          assertEquals(1, s.stream().filter(Sample::isSync).count(), t.name() + ": one IDR per segment");
        }
      }
    }
  }

  @Test
  void videoDecodeTimesFollowTheSourceTimelineAndMatchAcrossRenditions() {
    for (int i = 0; i < results.size(); i++) {
      TranscodeJob job = jobs.get(i);
      for (TrackOutput t : results.get(i).video()) {
        assertEquals(90_000, t.track().timescale(), t.name());
        assertEquals(job.startMs() * 90, t.segment().decodeTime(), t.name() + " seq " + job.seq() + " tfdt = first pts");
      }
      List<Long> durations = results.get(i).video().stream().map(t -> t.segment().durationTs()).distinct().toList();
      assertEquals(1, durations.size(), "identical durations across renditions: " + durations);
      List<List<Long>> ctos = results.get(i).video().stream().filter(t -> !t.name().equals("source"))
          .map(t -> t.segment().samples().stream().map(s -> (long) s.compositionOffset()).toList()).distinct().toList();
      assertEquals(1, ctos.size(), "identical GOP structure (frame types and offsets) across encoded rungs");
    }
  }

  @Test
  void durationsMatchTheChunkWithinOneFrameAndChunksJoinExactly() {
    double frame = 1.0 / SPEC.fps();
    for (int i = 0; i < results.size(); i++) {
      TranscodeResult r = results.get(i);
      assertEquals(jobs.get(i).durationMs() / 1000.0, r.durationSeconds(), frame, "seq " + jobs.get(i).seq());
      if (i + 1 < results.size()) {
        TranscodeResult next = results.get(i + 1);
        for (int k = 0; k < r.video().size(); k++) {
          assertEquals(next.video().get(k).segment().decodeTime(), r.video().get(k).segment().decodeTime()
              + r.video().get(k).segment().durationTs(), r.video().get(k).name() + " continuous into the next chunk");
        }
        TrackOutput a = r.audio().orElseThrow();
        assertEquals(next.audio().orElseThrow().segment().decodeTime(), a.segment().decodeTime() + a.segment().durationTs(),
            "audio continuous to the sample");
      }
    }
  }

  @Test
  void audioIsCopiedAacOnTheExactFrameGrid() {
    for (TranscodeResult r : results) {
      TrackOutput a = r.audio().orElseThrow();
      assertEquals("mp4a.40.2", a.track().codecs());
      assertEquals(48_000, a.track().timescale());
      assertEquals(0, a.segment().decodeTime() % 1024, "frame-aligned decode time");
      a.segment().samples().forEach(s -> assertEquals(1024, s.duration()));
    }
  }

  @Test
  void codecsStringsAndSizesComeFromTheOutput() {
    TranscodeResult r = results.get(0);
    assertEquals(640, r.video().get(0).track().width());
    assertEquals(360, r.video().get(0).track().height());
    assertTrue(r.video().get(0).track().codecs().matches("avc1\\.64[0-9a-f]{4}"), r.video().get(0).track().codecs());
    assertEquals(426, r.video().get(1).track().width());
    assertEquals(240, r.video().get(1).track().height());
    assertTrue(r.video().get(1).track().codecs().matches("avc1\\.64[0-9a-f]{4}"), "high profile");
    assertTrue(r.video().get(2).track().codecs().matches("avc1\\.4d[0-9a-f]{4}"), "main profile");
    assertEquals(30.0, r.video().get(1).frameRate(), 0.5);
    assertTrue(r.video().get(1).bandwidth() > 50_000 && r.video().get(1).bandwidth() < 1_000_000,
        "bandwidth " + r.video().get(1).bandwidth());
  }
}
