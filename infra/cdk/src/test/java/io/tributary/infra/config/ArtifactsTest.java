package io.tributary.infra.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.infra.TestArtifacts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArtifactsTest {

  @Test
  void pathsFollowTheModuleLayout() {
    Artifacts a = Artifacts.inRepo(Path.of("/repo"));
    assertEquals(Path.of("/repo/ingest-fargate"), a.ingestImage());
    assertEquals(Path.of("/repo/transcode-task"), a.transcodeImage());
    assertEquals(Path.of("/repo/functions/api/target/tributary-api-0.1.0-SNAPSHOT-lambda.jar"), a.apiJar());
    assertEquals(Path.of("/repo/functions/playlist/target/tributary-playlist-0.1.0-SNAPSHOT-lambda.jar"),
        a.playlistJar());
    assertEquals(Path.of("/repo/infra/cdk/target/ffmpeg-layer"), a.ffmpegLayer());
  }

  @Test
  void missingBuildOutputsAreListedWithTheCommandThatMakesThem(@TempDir Path repo) throws IOException {
    InfraConfigException e = assertThrows(InfraConfigException.class,
        () -> Artifacts.inRepo(repo).require(TranscodeMode.FARGATE));
    assertEquals("artifacts", e.key());
    String m = e.getMessage();
    assertTrue(m.contains("ingest-fargate/Dockerfile"), m);
    assertTrue(m.contains("transcode-task/Dockerfile"), m);
    assertTrue(m.contains("mvn -pl functions/api package"), m);
    assertTrue(m.contains("mvn -pl functions/playlist package"), m);
    // Fargate mode does not ship the Lambda jar or the layer.
    assertFalse(m.contains("ffmpeg-layer"), m);

    Files.createDirectories(repo.resolve("ingest-fargate"));
    Files.writeString(repo.resolve("ingest-fargate/Dockerfile"), "FROM scratch\n");
    String lambda = assertThrows(InfraConfigException.class,
        () -> Artifacts.inRepo(repo).require(TranscodeMode.LAMBDA)).getMessage();
    assertFalse(lambda.contains("ingest-fargate/Dockerfile"), lambda);
    assertFalse(lambda.contains("transcode-task/Dockerfile"), lambda);
    assertTrue(lambda.contains("tributary-transcode-0.1.0-SNAPSHOT-lambda.jar"), lambda);
    assertTrue(lambda.contains("ffmpeg-layer/bin/ffmpeg"), lambda);
  }

  @Test
  void builtArtifactsPassForBothModes() {
    Artifacts a = TestArtifacts.create();
    a.require(TranscodeMode.FARGATE);
    a.require(TranscodeMode.LAMBDA);
    assertTrue(Files.isExecutable(a.ffmpegLayer().resolve("bin/ffmpeg")));
    assertTrue(Files.isExecutable(a.ffmpegLayer().resolve("bin/ffprobe")));
  }
}
