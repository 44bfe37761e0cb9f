package io.tributary.infra.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The built things the stack ships: two Docker build contexts, the Lambda jars and the ffmpeg
 * layer directory. {@link #inRepo} points at the module outputs; {@link #require} checks them
 * before synth so a missing build fails with the command that makes it, not with a CDK stack trace.
 */
public record Artifacts(Path ingestImage, Path transcodeImage, Path apiJar, Path playlistJar,
                        Path transcodeLambdaJar, Path ffmpegLayer) {

  public static final String INGEST_IMAGE = "ingest-fargate";
  public static final String TRANSCODE_IMAGE = "transcode-task";
  public static final String API_JAR = "functions/api/target/tributary-api-0.1.0-SNAPSHOT-lambda.jar";
  public static final String PLAYLIST_JAR = "functions/playlist/target/tributary-playlist-0.1.0-SNAPSHOT-lambda.jar";
  public static final String TRANSCODE_LAMBDA_JAR = "transcode-task/target/tributary-transcode-0.1.0-SNAPSHOT-lambda.jar";
  /** Prepared by this module's build (dependency:unpack of org.bytedeco:ffmpeg linux-x86_64-gpl). */
  public static final String FFMPEG_LAYER = "infra/cdk/target/ffmpeg-layer";

  public static Artifacts inRepo(Path root) {
    return new Artifacts(root.resolve(INGEST_IMAGE), root.resolve(TRANSCODE_IMAGE), root.resolve(API_JAR),
        root.resolve(PLAYLIST_JAR), root.resolve(TRANSCODE_LAMBDA_JAR), root.resolve(FFMPEG_LAYER));
  }

  /** Fails, listing every missing artifact and how to build it, unless all that {@code mode} uses exist. */
  public Artifacts require(TranscodeMode mode) {
    List<String> missing = new ArrayList<>();
    dockerfile(ingestImage, "mvn -pl ingest-fargate package", missing);
    jar(apiJar, "mvn -pl functions/api package", missing);
    jar(playlistJar, "mvn -pl functions/playlist package", missing);
    if (mode == TranscodeMode.FARGATE) {
      dockerfile(transcodeImage, "mvn -pl transcode-task package", missing);
    } else {
      jar(transcodeLambdaJar, "mvn -pl transcode-task package", missing);
      if (!Files.isExecutable(ffmpegLayer.resolve("bin/ffmpeg"))) {
        missing.add(ffmpegLayer.resolve("bin/ffmpeg") + " (build: mvn -pl infra/cdk generate-resources)");
      }
    }
    if (!missing.isEmpty()) {
      throw new InfraConfigException("artifacts", String.join(", ", missing), "not built yet");
    }
    return this;
  }

  private static void dockerfile(Path context, String build, List<String> missing) {
    if (!Files.isRegularFile(context.resolve("Dockerfile"))) {
      missing.add(context.resolve("Dockerfile") + " (the module's Docker build context; then " + build + ")");
    }
  }

  private static void jar(Path jar, String build, List<String> missing) {
    if (!Files.isRegularFile(jar)) {
      missing.add(jar + " (build: " + build + ")");
    }
  }
}
