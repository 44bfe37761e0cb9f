package io.tributary.transcode.mp4;

/**
 * What an init segment says about its single track.
 *
 * @param handler {@code vide} or {@code soun} (ISO/IEC 14496-12 §8.4.3)
 * @param timescale media timescale from mdhd
 * @param format sample entry four-character code ({@code avc1}, {@code hvc1}, {@code mp4a}...)
 * @param codecs RFC 6381 codecs parameter for HLS CODECS / DASH @codecs
 * @param width visual width, 0 for audio
 * @param height visual height, 0 for audio
 * @param channels audio channel count, 0 for video
 * @param sampleRate audio sample rate in Hz, 0 for video
 */
public record TrackInfo(int trackId, String handler, long timescale, String format, String codecs, int width,
                        int height, int channels, int sampleRate, TrackDefaults defaults) {
  public boolean isVideo() {
    return "vide".equals(handler);
  }

  public boolean isAudio() {
    return "soun".equals(handler);
  }
}
