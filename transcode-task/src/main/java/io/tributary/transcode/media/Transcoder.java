package io.tributary.transcode.media;

import io.tributary.core.media.Rendition;
import io.tributary.transcode.mp4.CmafSplit;
import io.tributary.transcode.mp4.FragmentParser;
import io.tributary.transcode.mp4.FragmentPatcher;
import io.tributary.transcode.mp4.InitSegment;
import io.tributary.transcode.mp4.MediaSegment;
import io.tributary.transcode.mp4.Mp4Exception;
import io.tributary.transcode.mp4.TrackInfo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns a chunk file into CMAF outputs: one ffmpeg run into {@code workDir}, then each output cut
 * into init + media, checked (first video sample a sync sample) and, for audio, put on the exact
 * AAC sample grid. No AWS here: files in, records out.
 */
public final class Transcoder {
  private final Path ffmpeg;
  private final FfmpegRunner runner;
  private final EncoderSettings settings;

  public Transcoder(Path ffmpeg, FfmpegRunner runner, EncoderSettings settings) {
    this.ffmpeg = ffmpeg;
    this.runner = runner;
    this.settings = settings;
  }

  public List<String> command(Path chunk, Path workDir, TranscodePlan plan) {
    return FfmpegCommand.build(ffmpeg, chunk, new OutputFiles(workDir), plan, settings);
  }

  public TranscodeResult transcode(Path chunk, Path workDir, TranscodePlan plan) {
    OutputFiles out = new OutputFiles(workDir);
    FfmpegResult run = runner.run(command(chunk, workDir, plan));
    List<TrackOutput> video = new ArrayList<>();
    for (Rendition r : plan.video()) {
      TrackOutput t = track(r.name(), read(out.rendition(r.name())));
      if (!t.segment().samples().get(0).isSync()) {
        throw new Mp4Exception("trun", 0, "rendition " + r.name() + " does not start with a sync sample");
      }
      video.add(t);
    }
    Optional<TrackOutput> audio = plan.audio() ? Optional.of(audio(read(out.audio()))) : Optional.empty();
    Optional<Payload> thumb = plan.hasVideo() && Files.exists(out.thumbnail())
        ? Optional.of(new Payload(read(out.thumbnail()))) : Optional.empty();
    return new TranscodeResult(video, audio, thumb, run.wall());
  }

  private static TrackOutput track(String name, byte[] file) {
    CmafSplit split = CmafSplit.of(file);
    TrackInfo info = InitSegment.parse(split.init());
    MediaSegment seg = FragmentParser.parse(split.media(), info.defaults());
    return new TrackOutput(name, new Payload(split.init()), new Payload(split.media()), info, seg);
  }

  private static TrackOutput audio(byte[] file) {
    CmafSplit split = CmafSplit.of(file);
    TrackInfo info = InitSegment.parse(split.init());
    byte[] media = split.media();
    MediaSegment seg = FragmentParser.parse(media, info.defaults());
    long frame = AudioTimeline.frameDuration(info.timescale(), info.sampleRate());
    long decodeTime = AudioTimeline.snappedDecodeTime(seg.samples(), frame);
    MediaSegment patched = FragmentPatcher.constantDuration(media, seg, decodeTime, frame);
    return new TrackOutput("audio", new Payload(split.init()), new Payload(media), info, patched);
  }

  private static byte[] read(Path p) {
    try {
      return Files.readAllBytes(p);
    } catch (IOException e) {
      throw new UncheckedIOException("ffmpeg exited 0 but did not write " + p, e);
    }
  }
}
