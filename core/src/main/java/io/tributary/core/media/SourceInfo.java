package io.tributary.core.media;

import com.fasterxml.jackson.annotation.JsonIgnore;
/**
 * What ingest learned about the encoder's media, carried in every job so a worker chooses
 * copy or encode without probing first.
 *
 * @param videoCodec FLV/enhanced-RTMP name: {@code avc}, {@code hevc}, {@code av1}, {@code vp9}; null if audio-only
 * @param audioCodec {@code aac}, {@code mp3}; null if video-only
 * @param width pixels, 0 when unknown or audio-only
 * @param height pixels, 0 when unknown or audio-only
 * @param frameRate frames per second from onMetaData or measured, 0 when unknown
 * @param audioSampleRate Hz, 0 when unknown
 * @param audioChannels 0 when unknown
 */
public record SourceInfo(String videoCodec, String audioCodec, int width, int height, double frameRate,
                         int audioSampleRate, int audioChannels) {
  public SourceInfo {
    if (videoCodec == null && audioCodec == null) {
      throw new IllegalArgumentException("a source has video, audio or both");
    }
    if (width < 0 || height < 0 || frameRate < 0 || audioSampleRate < 0 || audioChannels < 0) {
      throw new IllegalArgumentException("source dimensions and rates cannot be negative");
    }
  }

  @JsonIgnore
  public boolean hasVideo() {
    return videoCodec != null;
  }

  @JsonIgnore
  public boolean hasAudio() {
    return audioCodec != null;
  }
}
