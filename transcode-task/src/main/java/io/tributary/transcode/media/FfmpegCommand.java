package io.tributary.transcode.media;

import io.tributary.core.media.Rendition;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the one ffmpeg invocation for a chunk: decode once, {@code split} the decoded video into
 * one scaler per rung plus the thumbnail, remux the source video and the AAC audio untouched.
 * Pure: argv in, nothing run.
 *
 * <p>Timing flags, each needed (checked with ffmpeg 7.1.1 by the tests of this module):
 * {@code -copyts} keeps the FLV timestamps, so tfdt continues the session timeline instead of
 * restarting at 0 per chunk; {@code frag_discont} makes the mp4 muxer start the fragment at the
 * first packet's time; {@code negative_cts_offsets} writes a version-1 trun whose first sample has
 * composition offset 0, so tfdt is the segment's earliest presentation time in every rendition
 * whatever its B-frame delay (signed offsets of trun version 1, ISO/IEC 14496-12 §8.8.8); {@code -enc_time_base demux} keeps
 * the encoders on the source's millisecond clock so every rung has the source's exact frame times;
 * {@code -video_track_timescale 90000} gives every video track the same timescale.
 */
public final class FfmpegCommand {
  public static final String MOVFLAGS = "+frag_keyframe+empty_moov+default_base_moof+frag_discont+negative_cts_offsets";
  /** Far beyond any chunk (6 s at 120 fps): the only keyframe of a rung is the forced one at its start. */
  public static final int KEYINT = 100_000;

  private FfmpegCommand() {}

  public static List<String> build(Path ffmpeg, Path input, OutputFiles out, TranscodePlan plan,
                                   EncoderSettings settings) {
    List<String> a = new ArrayList<>(List.of(ffmpeg.toString(), "-hide_banner", "-nostdin", "-nostats",
        "-loglevel", "error", "-y", "-copyts", "-i", input.toString()));
    List<Rendition> rungs = plan.encodedRungs();
    if (plan.hasVideo()) {
      a.add("-filter_complex");
      a.add(filterGraph(rungs, settings));
      for (Rendition r : plan.video()) {
        a.addAll(r.isSource() ? sourceVideo() : rung(r, settings));
        a.addAll(mp4Muxer(true));
        a.add(out.rendition(r.name()).toString());
      }
    }
    if (plan.audio()) {
      a.addAll(List.of("-map", "0:a:0"));
      if (plan.copyAudio()) {
        a.addAll(List.of("-c:a", "copy"));
      } else {
        // Not AAC (e.g. MP3): encode AAC-LC at 48 kHz so the frame grid is 1024 samples at a standard rate.
        a.addAll(List.of("-c:a", "aac", "-b:a", plan.audioKbps() + "k", "-ar", "48000"));
      }
      a.addAll(mp4Muxer(false));
      a.add(out.audio().toString());
    }
    if (plan.hasVideo()) {
      a.addAll(List.of("-map", "[thumb]", "-frames:v", "1", "-q:v", "4", "-update", "1", "-f", "image2",
          out.thumbnail().toString()));
    }
    return List.copyOf(a);
  }

  /** {@code [0:v:0]split=N[s0]...;[s0]scale=-2:H,format=yuv420p[v720p];...;[sN]scale=...[thumb]}. */
  static String filterGraph(List<Rendition> rungs, EncoderSettings settings) {
    StringBuilder g = new StringBuilder("[0:v:0]split=").append(rungs.size() + 1);
    for (int i = 0; i <= rungs.size(); i++) {
      g.append("[s").append(i).append(']');
    }
    for (int i = 0; i < rungs.size(); i++) {
      Rendition r = rungs.get(i);
      g.append(";[s").append(i).append("]scale=-2:").append(r.height()).append(",format=yuv420p[v")
          .append(r.name()).append(']');
    }
    // min(): a thumbnail is never larger than the source.
    g.append(";[s").append(rungs.size()).append("]scale=-2:'min(").append(settings.thumbnailHeight())
        .append(",ih)'[thumb]");
    return g.toString();
  }

  private static List<String> sourceVideo() {
    return List.of("-map", "0:v:0", "-c:v", "copy");
  }

  private static List<String> rung(Rendition r, EncoderSettings s) {
    // -threads 1: x264's frame threads make its output differ run to run (seen with this build),
    // and a redone job must upload the same bytes; the rungs still run in parallel, one encoder
    // thread each, and the decoder keeps its own threads.
    return List.of("-map", "[v" + r.name() + "]", "-c:v", "libx264", "-threads", "1", "-enc_time_base:v", "demux",
        "-preset", s.x264Preset(), "-profile:v", r.profile(),
        "-b:v", r.videoKbps() + "k", "-maxrate", r.maxKbps() + "k", "-bufsize", r.bufKbps() + "k",
        // One IDR at the start of every segment and none elsewhere; a fixed B-frame pattern so all
        // rungs share one GOP structure (frame types and composition offsets line up).
        "-g", String.valueOf(KEYINT), "-keyint_min", String.valueOf(KEYINT), "-sc_threshold", "0",
        "-bf", String.valueOf(s.bframes()), "-x264-params", "b-adapt=0:open-gop=0",
        "-force_key_frames", "expr:eq(n,0)");
  }

  private static List<String> mp4Muxer(boolean video) {
    List<String> m = new ArrayList<>(List.of("-f", "mp4"));
    if (video) {
      m.addAll(List.of("-video_track_timescale", "90000"));
    }
    m.addAll(List.of("-avoid_negative_ts", "disabled", "-movflags", MOVFLAGS));
    return m;
  }
}
