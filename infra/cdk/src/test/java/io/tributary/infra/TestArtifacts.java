package io.tributary.infra;

import io.tributary.infra.config.Artifacts;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Build outputs for synth in tests, so this module's tests do not depend on other modules having
 * been packaged first. Everything lives under {@code target/test-artifacts} and says what it is:
 * synth only stages and fingerprints these (it never builds an image or runs a jar). The ffmpeg
 * layer is the real one, which this module's own build prepares.
 */
public final class TestArtifacts {
  public static final Path ROOT = Path.of("target", "test-artifacts").toAbsolutePath();
  public static final Path FFMPEG_LAYER = Path.of("target", "ffmpeg-layer").toAbsolutePath();

  private TestArtifacts() {}

  public static Artifacts create() {
    try {
      Path ingest = dockerContext("ingest-image-not-built");
      Path transcode = dockerContext("transcode-image-not-built");
      return new Artifacts(ingest, transcode, jar("api-lambda-not-built.jar"), jar("playlist-lambda-not-built.jar"),
          jar("transcode-lambda-not-built.jar"), FFMPEG_LAYER);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A checkout-shaped tree under {@code target/test-artifacts/repo} holding the Fargate-mode
   * artifacts at their real relative paths ({@link Artifacts#inRepo}), for running the app's
   * {@code main} as the CDK CLI does.
   */
  public static Path repo() {
    try {
      Path root = Files.createDirectories(ROOT.resolve("repo"));
      Files.createDirectories(root.resolve("core"));
      Files.createDirectories(root.resolve("infra/cdk"));
      Files.writeString(root.resolve("pom.xml"), "<!-- test-only checkout shape -->\n", StandardCharsets.UTF_8);
      for (String image : new String[] {Artifacts.INGEST_IMAGE, Artifacts.TRANSCODE_IMAGE}) {
        Files.createDirectories(root.resolve(image));
        Files.copy(dockerContext(image + "-not-built").resolve("Dockerfile"), root.resolve(image).resolve("Dockerfile"),
            java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      }
      for (String jar : new String[] {Artifacts.API_JAR, Artifacts.PLAYLIST_JAR}) {
        Files.createDirectories(root.resolve(jar).getParent());
        Files.copy(jar("lambda-not-built.jar"), root.resolve(jar), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      }
      return root;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path dockerContext(String name) throws IOException {
    Path dir = Files.createDirectories(ROOT.resolve(name));
    Files.writeString(dir.resolve("Dockerfile"),
        "# Test-only Docker build context: cdk synth stages it, nothing ever builds it.\nFROM scratch\n",
        StandardCharsets.UTF_8);
    return dir;
  }

  private static Path jar(String name) throws IOException {
    Files.createDirectories(ROOT);
    Path jar = ROOT.resolve(name);
    try (OutputStream out = Files.newOutputStream(jar); ZipOutputStream zip = new ZipOutputStream(out)) {
      zip.putNextEntry(new ZipEntry("TEST-ONLY.txt"));
      zip.write("Test-only Lambda asset: synth uploads nothing and runs nothing.\n".getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
    }
    return jar;
  }
}
