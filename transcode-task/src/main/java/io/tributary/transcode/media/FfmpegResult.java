package io.tributary.transcode.media;

import java.time.Duration;

/** A finished ffmpeg run: how long it took, and whatever it printed to stderr (bounded). */
public record FfmpegResult(Duration wall, String stderrTail) {}
