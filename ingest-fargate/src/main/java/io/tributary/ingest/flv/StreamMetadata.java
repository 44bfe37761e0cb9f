package io.tributary.ingest.flv;

import java.util.List;
import java.util.Map;

/**
 * What an encoder announced in {@code @setDataFrame onMetaData} (FLV spec v10.1 E.5): the only
 * source of the picture size and frame rate for codecs whose configuration ingest does not parse.
 * Zero means "not announced".
 */
public record StreamMetadata(int width, int height, double frameRate, String videoCodec, String audioCodec,
                             int audioSampleRate, int audioChannels) {
  public static final StreamMetadata NONE = new StreamMetadata(0, 0, 0, null, null, 0, 0);

  public StreamMetadata {
    if (width < 0 || height < 0 || frameRate < 0 || audioSampleRate < 0 || audioChannels < 0) {
      throw new IllegalArgumentException("metadata values cannot be negative");
    }
  }

  /**
   * Reads the values of a data message: {@code ["@setDataFrame", "onMetaData", {...}]} or
   * {@code ["onMetaData", {...}]}; anything else (or absurd values) is empty, never an error,
   * since metadata is advisory.
   */
  public static StreamMetadata fromDataValues(List<Object> values) {
    Map<?, ?> props = null;
    boolean named = false;
    for (Object v : values) {
      if ("onMetaData".equals(v)) {
        named = true;
      } else if (named && v instanceof Map<?, ?> m) {
        props = m;
        break;
      }
    }
    if (props == null) {
      return NONE;
    }
    int width = clampInt(props.get("width"), 16384);
    int height = clampInt(props.get("height"), 16384);
    double fps = number(props.get("framerate"));
    if (fps <= 0) {
      fps = number(props.get("videoframerate"));
    }
    fps = fps > 0 && fps <= 1000 ? fps : 0;
    String video = videoCodec(props.get("videocodecid"), width > 0);
    String audio = audioCodec(props.get("audiocodecid"), number(props.get("audiosamplerate")) > 0);
    int rate = clampInt(props.get("audiosamplerate"), 384000);
    int channels = clampInt(props.get("audiochannels"), 64);
    if (channels == 0 && props.get("stereo") instanceof Boolean stereo) {
      channels = stereo ? 2 : 1;
    }
    return new StreamMetadata(width, height, fps, video, audio, rate, channels);
  }

  public boolean isPresent() {
    return !equals(NONE);
  }

  public boolean announcesVideo() {
    return videoCodec != null;
  }

  public boolean announcesAudio() {
    return audioCodec != null;
  }

  /** FLV codec id 7 (AVC), 12 (HEVC, a common extension), or an enhanced-RTMP FourCC as ffmpeg 7 and OBS 30 write it. */
  private static String videoCodec(Object id, boolean sized) {
    if (id instanceof String s && !s.isBlank()) {
      return fourCcName(s.strip());
    }
    long n = (long) number(id);
    if (n == 7) {
      return "avc";
    }
    if (n == 12) {
      return "hevc";
    }
    if (n > 0xFFFFFF) {
      String tag = new String(new char[] {(char) (n & 0xFF), (char) ((n >> 8) & 0xFF), (char) ((n >> 16) & 0xFF),
          (char) ((n >> 24) & 0xFF)});
      return fourCcName(tag);
    }
    return n > 0 || sized ? "flv-video-" + n : null;
  }

  private static String fourCcName(String tag) {
    return switch (tag) {
      case "avc1" -> "avc";
      case "hvc1" -> "hevc";
      case "av01" -> "av1";
      case "vp09" -> "vp9";
      default -> tag.replaceAll("[^A-Za-z0-9]", "_");
    };
  }

  private static String audioCodec(Object id, boolean hasRate) {
    long n = (long) number(id);
    if (id instanceof String s && !s.isBlank()) {
      return s.strip().equals("mp4a") ? "aac" : s.strip().replaceAll("[^A-Za-z0-9]", "_");
    }
    if (n == 10) {
      return "aac";
    }
    if (n == 2 || n == 14) {
      return "mp3";
    }
    return n > 0 || hasRate || id != null ? "flv-audio-" + n : null;
  }

  private static double number(Object o) {
    if (o instanceof Number n) {
      double d = n.doubleValue();
      return Double.isFinite(d) ? d : 0;
    }
    if (o instanceof String s) {
      try {
        return Double.parseDouble(s.strip());
      } catch (NumberFormatException e) {
        return 0;
      }
    }
    return 0;
  }

  private static int clampInt(Object o, int max) {
    double d = number(o);
    return d > 0 && d <= max ? (int) Math.round(d) : 0;
  }
}
