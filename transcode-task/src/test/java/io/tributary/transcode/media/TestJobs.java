package io.tributary.transcode.media;

import io.tributary.core.id.SessionId;
import io.tributary.core.id.StreamId;
import io.tributary.core.job.TranscodeJob;
import io.tributary.core.media.Ladder;
import io.tributary.core.media.Rendition;
import io.tributary.core.media.SourceInfo;
import io.tributary.core.resources.MediaKeys;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Jobs for the test clips, shaped as ingest sends them. */
public final class TestJobs {
  /** Two rungs small enough for 320x180 and 640x360 test sources. */
  public static final Ladder SMALL_LADDER = new Ladder(List.of(Rendition.SOURCE, Rendition.h264(240, 400, "high"),
      Rendition.h264(144, 200, "main")), 96);

  private TestJobs() {}

  /** One job per chunk of a clip, seq from {@code firstSeq}, times from the chunks themselves. */
  public static List<TranscodeJob> forClip(TestClips.Spec spec, List<Path> chunks, String streamId, String sessionId,
                                           long firstSeq, Ladder ladder) {
    List<TranscodeJob> jobs = new ArrayList<>();
    SourceInfo src = new SourceInfo(spec.videoCodec().equals("none") ? null
        : spec.videoCodec().equals("libx265") ? "hevc" : spec.videoCodec().equals("libsvtav1") ? "av1" : "avc",
        spec.audioCodec().equals("none") ? null : spec.audioCodec().equals("aac") ? "aac" : "mp3",
        spec.videoCodec().equals("none") ? 0 : spec.width(), spec.videoCodec().equals("none") ? 0 : spec.height(),
        spec.fps(), spec.sampleRate(), 2);
    List<Long> starts = new ArrayList<>();
    ChunkProbe last = null;
    for (Path c : chunks) {
      last = ChunkProbe.of(c);
      starts.add(last.videoPtsDts().isEmpty() ? last.audioPts().get(0) : last.firstVideoPtsMs());
    }
    // Audio-only: the stream ends one AAC frame after its last frame; with video, after the clip length.
    long end = last.videoPtsDts().isEmpty()
        ? last.audioPts().get(last.audioPts().size() - 1) + Math.round(1024_000.0 / spec.sampleRate())
        : spec.seconds() * 1000L + starts.get(0);
    for (int i = 0; i < chunks.size(); i++) {
      long start = starts.get(i);
      long next = i + 1 < chunks.size() ? starts.get(i + 1) : end;
      long seq = firstSeq + i;
      jobs.add(new TranscodeJob(TranscodeJob.VERSION, streamId, sessionId, seq,
          MediaKeys.chunk(streamId, sessionId, seq), start, next - start, i == 0, i == chunks.size() - 1,
          Instant.parse("2026-11-25T20:00:00Z").toEpochMilli() + start, spec.gopSeconds() * 1000, src, ladder));
    }
    return jobs;
  }

  public static String newSession() {
    return SessionId.startingAt(Instant.now()).value();
  }

  public static String newStream() {
    return StreamId.random().value();
  }
}
