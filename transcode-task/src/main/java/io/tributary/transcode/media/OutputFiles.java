package io.tributary.transcode.media;

import java.nio.file.Path;

/** Where one ffmpeg run writes its outputs inside a job's scratch directory. */
public record OutputFiles(Path dir) {
  public Path rendition(String name) {
    return dir.resolve(name + ".mp4");
  }

  public Path audio() {
    return dir.resolve("audio.mp4");
  }

  public Path thumbnail() {
    return dir.resolve("thumb.jpg");
  }
}
