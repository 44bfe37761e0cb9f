package io.tributary.transcode.media;

import io.tributary.core.job.TranscodeJob;
import io.tributary.core.media.Ladder;
import io.tributary.core.media.Rendition;
import io.tributary.core.media.SourceInfo;
import java.util.List;

/**
 * What one job produces, decided from the job alone: the video renditions (source remux first,
 * then the encoded rungs strictly below the source height, never upscaled), whether the audio
 * track is copied or encoded, and its bitrate.
 */
public record TranscodePlan(List<Rendition> video, boolean audio, boolean copyAudio, int audioKbps,
                            int audioSampleRate) {
  public TranscodePlan {
    video = List.copyOf(video);
    if (video.isEmpty() && !audio) {
      throw new IllegalArgumentException("a plan produces video, audio or both");
    }
  }

  public static TranscodePlan of(TranscodeJob job) {
    SourceInfo src = job.source();
    List<Rendition> video = List.of();
    if (src.hasVideo()) {
      // Height 0 means ingest did not learn it: remux only rather than guess and upscale.
      Ladder ladder = src.height() > 0 ? job.ladder().forSourceHeight(src.height())
          : new Ladder(List.of(Rendition.SOURCE), job.ladder().audioKbps());
      video = ladder.renditions();
    }
    boolean copy = "aac".equals(src.audioCodec());
    return new TranscodePlan(video, src.hasAudio(), copy, job.ladder().audioKbps(), src.audioSampleRate());
  }

  public List<Rendition> encodedRungs() {
    return video.stream().filter(r -> !r.isSource()).toList();
  }

  public boolean hasVideo() {
    return !video.isEmpty();
  }
}
