package io.tributary.local.launcher;

import java.nio.file.Path;

/**
 * A service the launcher starts as a child JVM: the module's jar plus the runtime classpath the
 * module's build wrote to {@code target/classpath.txt}, and its main class. The child prints
 * {@code ready: <name> <url>} once it serves. {@code quickStart} runs it C1-only: about half the
 * start-up CPU, for services whose own code is not the hot path (ffmpeg is, for transcode).
 */
public record ServiceSpec(String name, String moduleDir, String artifactId, String mainClass, boolean quickStart) {
  public Path jar(Path repo, String version) {
    return repo.resolve(moduleDir).resolve("target").resolve(artifactId + "-" + version + ".jar");
  }

  public Path classpathFile(Path repo) {
    return repo.resolve(moduleDir).resolve("target").resolve("classpath.txt");
  }
}
