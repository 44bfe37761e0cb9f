package io.tributary.local.aws;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docker-compose.yml and the Testcontainers backend run the same LocalStack with the same init. */
class LocalStackComposeTest {
  private static final Path COMPOSE = Path.of(System.getProperty("basedir", "."))
      .resolve("../docker-compose.yml").normalize();

  @Test
  void composeUsesTheSameImageAndMountsTheGeneratedInitScript() throws Exception {
    String compose = Files.readString(COMPOSE);
    assertTrue(compose.contains("image: " + LocalStackBackend.IMAGE + "\n"), "image " + LocalStackBackend.IMAGE);
    assertTrue(compose.contains("- ./init/ready.d:/etc/localstack/init/ready.d"), "init scripts mounted");
    assertTrue(compose.contains("LOCALSTACK_AUTH_TOKEN: ${LOCALSTACK_AUTH_TOKEN"), "token passed through");
    assertTrue(compose.contains("\"127.0.0.1:4566:4566\""), "edge port 4566 on loopback");
    assertTrue(Files.exists(COMPOSE.resolveSibling(AwslocalScript.RELATIVE_PATH.substring("localstack/".length()))));
  }
}
