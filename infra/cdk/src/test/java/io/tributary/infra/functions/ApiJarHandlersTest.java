package io.tributary.infra.functions;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tributary.infra.config.Artifacts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipFile;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The change, sweep, socket and lease reaper functions ship the API's Lambda jar: their handler classes must be in it
 * (checked against the real build output when functions/api was packaged, as in CI).
 */
class ApiJarHandlersTest {
  @ParameterizedTest
  @ValueSource(strings = {StreamChanges.HANDLER, MediaSweep.HANDLER, LiveSockets.AUTHORIZER_HANDLER,
      LiveSockets.ROUTES_HANDLER, LeaseReaper.HANDLER})
  void handlerClassIsInTheApiLambdaJar(String handler) throws IOException {
    // Surefire runs in infra/cdk.
    Path jar = Path.of("").toAbsolutePath().getParent().getParent().resolve(Artifacts.API_JAR);
    assumeTrue(Files.isRegularFile(jar), Artifacts.API_JAR + " not built");
    String entry = handler.replaceAll("::.*", "").replace('.', '/') + ".class";
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      assertNotNull(zip.getEntry(entry), entry + " missing from " + jar);
    }
  }
}
