package io.tributary.transcode.media;

import io.tributary.transcode.mp4.MediaSegment;
import io.tributary.transcode.mp4.TrackInfo;

/**
 * One rendition (or the audio track) of one chunk, ready to upload and index.
 *
 * @param name rendition name ({@code source}, {@code 720p}) or {@code audio}
 * @param init CMAF header (ftyp + moov)
 * @param media CMAF media segment (moof + mdat)
 * @param track what the init segment declares (codecs string, timescale, size)
 * @param segment the media segment's timing as written
 */
public record TrackOutput(String name, Payload init, Payload media, TrackInfo track, MediaSegment segment) {
  /** Exact duration in seconds. */
  public double durationSeconds() {
    return (double) segment.durationTs() / track.timescale();
  }

  /** Average bits per second of this segment (HLS BANDWIDTH is the peak of these). */
  public long bandwidth() {
    double seconds = durationSeconds();
    return seconds <= 0 ? 0 : Math.round(media.size() * 8 / seconds);
  }

  /** Frames per second measured from the samples, 3 decimals; 0 for audio. */
  public double frameRate() {
    if (!track.isVideo() || segment.durationTs() == 0) {
      return 0;
    }
    double fps = segment.sampleCount() * (double) track.timescale() / segment.durationTs();
    return Math.round(fps * 1000) / 1000.0;
  }
}
