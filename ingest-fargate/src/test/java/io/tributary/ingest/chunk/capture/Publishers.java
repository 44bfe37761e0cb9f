package io.tributary.ingest.chunk.capture;

import io.tributary.core.media.FfmpegLocator;
import java.util.ArrayList;
import java.util.List;

/** Command lines of the real encoders whose publishes we capture: a second or two of tiny video. */
public final class Publishers {
  private Publishers() {}

  /** ffmpeg (bytedeco, via FfmpegLocator): H.264 with B-frames + AAC, legacy FLV codec ids. */
  public static List<String> ffmpegH264Aac(String url) {
    return ffmpeg(url, "-c:v", "libx264", "-preset", "veryfast", "-bf", "2", "-g", "15", "-b:v", "80k",
        "-pix_fmt", "yuv420p", "-c:a", "aac", "-b:a", "24k");
  }

  /** ffmpeg 7: HEVC over enhanced RTMP (FourCC hvc1) + AAC. */
  public static List<String> ffmpegHevcAac(String url) {
    return ffmpeg(url, "-c:v", "libx265", "-preset", "ultrafast", "-x265-params", "log-level=error:keyint=15",
        "-b:v", "80k", "-pix_fmt", "yuv420p", "-c:a", "aac", "-b:a", "24k");
  }

  /** GStreamer rtmp2sink: x264enc + voaacenc through flvmux. */
  public static List<String> gstreamerH264Aac(String url) {
    return List.of("gst-launch-1.0", "-q",
        "videotestsrc", "num-buffers=23", "!", "video/x-raw,width=160,height=96,framerate=15/1", "!",
        "x264enc", "bitrate=80", "key-int-max=15", "speed-preset=veryfast", "!", "h264parse", "!",
        "flvmux", "name=mux", "streamable=true", "!", "rtmp2sink", "location=" + url,
        "audiotestsrc", "num-buffers=35", "samplesperbuffer=1024", "!", "audio/x-raw,rate=44100,channels=1", "!",
        "voaacenc", "bitrate=24000", "!", "mux.");
  }

  private static List<String> ffmpeg(String url, String... codecArgs) {
    List<String> cmd = new ArrayList<>(List.of(
        FfmpegLocator.binaries().ffmpeg().toString(), "-hide_banner", "-nostdin", "-loglevel", "error",
        "-f", "lavfi", "-i", "testsrc=size=160x96:rate=15",
        "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=44100",
        "-t", "1.5"));
    cmd.addAll(List.of(codecArgs));
    cmd.addAll(List.of("-f", "flv", url));
    return cmd;
  }
}
