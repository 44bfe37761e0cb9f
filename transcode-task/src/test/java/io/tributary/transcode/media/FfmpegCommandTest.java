package io.tributary.transcode.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.tributary.core.job.TranscodeJob;
import io.tributary.core.job.TranscodeJobFixtures;
import io.tributary.core.job.TranscodeJobJson;
import io.tributary.core.media.Ladder;
import io.tributary.core.media.SourceInfo;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FfmpegCommandTest {
  private static final Path FFMPEG = Path.of("/opt/bin/ffmpeg");
  private static final Path IN = Path.of("/w/chunk.flv");
  private static final OutputFiles OUT = new OutputFiles(Path.of("/w/out"));
  private static final String MP4_VIDEO = "-f mp4 -video_track_timescale 90000 -avoid_negative_ts disabled -movflags "
      + FfmpegCommand.MOVFLAGS;
  private static final String MP4_AUDIO = "-f mp4 -avoid_negative_ts disabled -movflags " + FfmpegCommand.MOVFLAGS;
  private static final String HEAD = "/opt/bin/ffmpeg -hide_banner -nostdin -nostats -loglevel error -y -copyts -i /w/chunk.flv";

  private static String rung(String name, String profile, int kbps, int max, int buf) {
    return "-map [v" + name + "] -c:v libx264 -threads 1 -enc_time_base:v demux -preset veryfast -profile:v " + profile
        + " -b:v " + kbps + "k -maxrate " + max + "k -bufsize " + buf + "k -g 100000 -keyint_min 100000 -sc_threshold 0"
        + " -bf 2 -x264-params b-adapt=0:open-gop=0 -force_key_frames expr:eq(n,0) " + MP4_VIDEO + " /w/out/" + name + ".mp4";
  }

  private static String argv(TranscodeJob job) {
    return String.join(" ", FfmpegCommand.build(FFMPEG, IN, OUT, TranscodePlan.of(job), EncoderSettings.DEFAULT));
  }

  @Test
  void sharedFixtureJob720pSourceWithTwoRungs() {
    TranscodeJob job = TranscodeJobJson.read(TranscodeJobFixtures.v1Json());
    String expected = HEAD
        + " -filter_complex [0:v:0]split=3[s0][s1][s2];[s0]scale=-2:480,format=yuv420p[v480p];"
        + "[s1]scale=-2:360,format=yuv420p[v360p];[s2]scale=-2:'min(180,ih)'[thumb]"
        + " -map 0:v:0 -c:v copy " + MP4_VIDEO + " /w/out/source.mp4 "
        + rung("480p", "main", 1400, 2100, 2800) + " "
        + rung("360p", "main", 800, 1200, 1600)
        + " -map 0:a:0 -c:a copy " + MP4_AUDIO + " /w/out/audio.mp4"
        + " -map [thumb] -frames:v 1 -q:v 4 -update 1 -f image2 /w/out/thumb.jpg";
    assertEquals(expected, argv(job));
  }

  @Test
  void defaultLadderOn1080pSourceEncodesOnlyTheRungsBelowIt() {
    TranscodeJob job = with(TranscodeJobJson.read(TranscodeJobFixtures.v1Json()),
        new SourceInfo("hevc", "aac", 1920, 1080, 30, 48000, 2), Ladder.preset("default"));
    String expected = HEAD
        + " -filter_complex [0:v:0]split=3[s0][s1][s2];[s0]scale=-2:720,format=yuv420p[v720p];"
        + "[s1]scale=-2:480,format=yuv420p[v480p];[s2]scale=-2:360,format=yuv420p[v360p];[s3]scale=-2:'min(180,ih)'[thumb]";
    // split=4: three rungs plus the thumbnail.
    expected = expected.replace("split=3[s0][s1][s2]", "split=4[s0][s1][s2][s3]");
    expected += " -map 0:v:0 -c:v copy " + MP4_VIDEO + " /w/out/source.mp4 "
        + rung("720p", "high", 2800, 4200, 5600) + " "
        + rung("480p", "main", 1400, 2100, 2800) + " "
        + rung("360p", "main", 800, 1200, 1600)
        + " -map 0:a:0 -c:a copy " + MP4_AUDIO + " /w/out/audio.mp4"
        + " -map [thumb] -frames:v 1 -q:v 4 -update 1 -f image2 /w/out/thumb.jpg";
    assertEquals(expected, argv(job));
  }

  @Test
  void passthroughLadderWithMp3AudioRemuxesVideoAndEncodesAac() {
    TranscodeJob job = with(TranscodeJobJson.read(TranscodeJobFixtures.v1Json()),
        new SourceInfo("av1", "mp3", 1280, 720, 30, 44100, 2), Ladder.preset("passthrough"));
    String expected = HEAD + " -filter_complex [0:v:0]split=1[s0];[s0]scale=-2:'min(180,ih)'[thumb]"
        + " -map 0:v:0 -c:v copy " + MP4_VIDEO + " /w/out/source.mp4"
        + " -map 0:a:0 -c:a aac -b:a 128k -ar 48000 " + MP4_AUDIO + " /w/out/audio.mp4"
        + " -map [thumb] -frames:v 1 -q:v 4 -update 1 -f image2 /w/out/thumb.jpg";
    assertEquals(expected, argv(job));
  }

  @Test
  void audioOnlySourceHasNoFilterGraphNoVideoAndNoThumbnail() {
    TranscodeJob job = with(TranscodeJobJson.read(TranscodeJobFixtures.v1Json()),
        new SourceInfo(null, "aac", 0, 0, 0, 48000, 2), Ladder.preset("low-latency"));
    assertEquals(HEAD + " -map 0:a:0 -c:a copy " + MP4_AUDIO + " /w/out/audio.mp4", argv(job));
  }

  @Test
  void unknownSourceHeightRemuxesOnlyRatherThanUpscale() {
    TranscodeJob job = with(TranscodeJobJson.read(TranscodeJobFixtures.v1Json()),
        new SourceInfo("avc", null, 0, 0, 0, 0, 0), Ladder.preset("default"));
    String a = argv(job);
    assertFalse(a.contains("libx264"), a);
    assertFalse(a.contains("0:a:0"), a);
  }

  @Test
  void presetAndThumbnailComeFromSettings() {
    TranscodeJob job = TranscodeJobJson.read(TranscodeJobFixtures.v1Json());
    List<String> argv = FfmpegCommand.build(FFMPEG, IN, OUT, TranscodePlan.of(job), new EncoderSettings("superfast", 360, 0));
    List<String> presets = new ArrayList<>();
    for (int i = 0; i < argv.size() - 1; i++) {
      if (argv.get(i).equals("-preset") || argv.get(i).equals("-bf")) {
        presets.add(argv.get(i + 1));
      }
    }
    assertEquals(List.of("superfast", "0", "superfast", "0"), presets);
    assertEquals(true, argv.get(argv.indexOf("-filter_complex") + 1).endsWith("scale=-2:'min(360,ih)'[thumb]"));
  }

  private static TranscodeJob with(TranscodeJob j, SourceInfo source, Ladder ladder) {
    return new TranscodeJob(j.version(), j.streamId(), j.sessionId(), j.seq(), j.chunkKey(), j.startMs(), j.durationMs(),
        j.discontinuity(), j.last(), j.capturedAtMs(), j.targetDurationMs(), source, ladder);
  }
}
