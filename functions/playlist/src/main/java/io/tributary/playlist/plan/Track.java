package io.tributary.playlist.plan;

/**
 * One rendition (or the audio track) of one indexed segment, as the transcoder writes it into
 * the segment item's {@code renditions}/{@code audio} maps (core {@code SegmentsTable.R_*}).
 *
 * @param size bytes of the .m4s file
 * @param bandwidth bits/s the transcoder reports for the rung (0 when unknown)
 * @param codecs RFC 6381 codecs string, e.g. {@code avc1.64001f}, {@code mp4a.40.2}
 * @param width pixels, 0 for audio
 * @param height pixels, 0 for audio
 * @param frameRate frames per second, 0 for audio or unknown
 * @param timescale track timescale (90000 video, the sample rate for audio)
 * @param decodeTime tfdt baseMediaDecodeTime of the segment in the timescale
 * @param durationTs segment duration in the timescale
 */
public record Track(long size, long bandwidth, String codecs, int width, int height, double frameRate,
                    long timescale, long decodeTime, long durationTs) {
  public Track {
    if (codecs == null || codecs.isBlank()) {
      throw new IllegalArgumentException("a track needs its codecs string");
    }
    if (size < 0 || bandwidth < 0 || width < 0 || height < 0 || frameRate < 0 || decodeTime < 0 || durationTs < 0) {
      throw new IllegalArgumentException("track values cannot be negative: " + size + "/" + bandwidth + "/" + width
          + "x" + height + "/" + frameRate + "/" + decodeTime + "/" + durationTs);
    }
    if (timescale <= 0) {
      throw new IllegalArgumentException("track timescale must be positive, got " + timescale);
    }
  }

  /** Bits per second of this segment: the measured rate, or the reported one when larger. */
  public long peakBitsPerSecond(long durationMs) {
    long measured = durationMs > 0 ? size * 8_000 / durationMs : 0;
    return Math.max(measured, bandwidth);
  }
}
