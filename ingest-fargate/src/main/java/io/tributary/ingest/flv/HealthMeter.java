package io.tributary.ingest.flv;

import io.tributary.core.media.SourceInfo;
import java.util.ArrayList;
import java.util.List;

/**
 * Measures one publish between health samples: bytes, frames, keyframe spacing, A/V offset and
 * timestamp jumps. Pure and single-threaded (the connection's event loop feeds it).
 */
public final class HealthMeter {
  private final int targetMs;
  private long windowStartWallMs;
  private long bytes;
  private int frames;
  private long firstVideoTs = -1;
  private long lastVideoTs = -1;
  private long lastAudioTs = -1;
  private long lastKeyTs = -1;
  private long keyInterval;
  private long maxKeyIntervalInWindow;
  private int jumpsReported;

  public HealthMeter(int targetMs, long nowMs) {
    this.targetMs = targetMs;
    this.windowStartWallMs = nowMs;
  }

  public void onVideo(long ts, int size, boolean keyframe) {
    bytes += size;
    frames++;
    if (firstVideoTs < 0) {
      firstVideoTs = ts;
    }
    lastVideoTs = ts;
    if (keyframe) {
      if (lastKeyTs >= 0 && ts > lastKeyTs) {
        keyInterval = ts - lastKeyTs;
        maxKeyIntervalInWindow = Math.max(maxKeyIntervalInWindow, keyInterval);
      }
      lastKeyTs = ts;
    }
  }

  public void onAudio(long ts, int size) {
    bytes += size;
    lastAudioTs = ts;
  }

  /** Closes the window: a sample of what happened since the previous one. */
  public HealthSample sample(long nowMs, SourceInfo source, int timestampJumps) {
    long wall = Math.max(1, nowMs - windowStartWallMs);
    int kbps = (int) (bytes * 8 / wall);
    long mediaSpan = lastVideoTs - firstVideoTs;
    double fps = frames > 1 && mediaSpan > 0 ? Math.round((frames - 1) * 1000.0 / mediaSpan * 100) / 100.0 : 0;
    long drift = lastAudioTs >= 0 && lastVideoTs >= 0 ? lastAudioTs - lastVideoTs : 0;
    List<String> warnings = new ArrayList<>();
    if (maxKeyIntervalInWindow > targetMs) {
      warnings.add("keyframe interval " + maxKeyIntervalInWindow + " ms is longer than the segment duration "
          + targetMs + " ms: set the encoder's keyframe interval to " + (targetMs / 1000) + " s or less");
    }
    if (timestampJumps > jumpsReported) {
      warnings.add((timestampJumps - jumpsReported) + " timestamp jump(s) spliced out");
      jumpsReported = timestampJumps;
    }
    if (Math.abs(drift) > 1000) {
      warnings.add("audio and video timestamps are " + drift + " ms apart");
    }
    HealthSample s = new HealthSample(nowMs, kbps, fps, source == null ? 0 : source.width(),
        source == null ? 0 : source.height(), source == null ? null : source.videoCodec(),
        source == null ? null : source.audioCodec(), keyInterval, drift, warnings);
    windowStartWallMs = nowMs;
    bytes = 0;
    frames = 0;
    firstVideoTs = -1;
    maxKeyIntervalInWindow = 0;
    return s;
  }
}
