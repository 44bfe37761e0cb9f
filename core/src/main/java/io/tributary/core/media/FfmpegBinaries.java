package io.tributary.core.media;

import java.nio.file.Path;

/** Where ffmpeg and ffprobe are, and which rule of {@link FfmpegLocator} found them. */
public record FfmpegBinaries(Path ffmpeg, Path ffprobe, String source) {}
