package io.tributary.transcode.media;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Everything one chunk became: video renditions in ladder order, audio, thumbnail, and the ffmpeg time. */
public record TranscodeResult(List<TrackOutput> video, Optional<TrackOutput> audio, Optional<Payload> thumbnail,
                              Duration ffmpegWall) {
  public TranscodeResult {
    video = List.copyOf(video);
  }

  /** Duration of the segment: the video's when there is video, else the audio's. */
  public double durationSeconds() {
    if (!video.isEmpty()) {
      return video.get(0).durationSeconds();
    }
    return audio.map(TrackOutput::durationSeconds).orElse(0.0);
  }
}
