package io.tributary.infra.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tributary.infra.InfraApp;
import io.tributary.infra.Templates;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.assertions.Template;

/**
 * Checks this app's assumptions against the other modules' real build outputs when they exist
 * (after a reactor build, as in CI; skipped when a module was not packaged yet): the handler
 * classes named in {@link ServiceContract} are in the jars, and the app synthesizes the checkout.
 */
class RealArtifactsTest {
  private static final Path ROOT = repoRoot();

  /** Surefire runs in infra/cdk. */
  private static Path repoRoot() {
    return Path.of("").toAbsolutePath().getParent().getParent();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      Artifacts.API_JAR + "," + ServiceContract.API_HANDLER,
      Artifacts.PLAYLIST_JAR + "," + ServiceContract.PLAYLIST_HANDLER,
      Artifacts.TRANSCODE_LAMBDA_JAR + "," + ServiceContract.TRANSCODE_HANDLER})
  void handlerClassIsInTheLambdaJar(String jar, String handler) throws IOException {
    Path path = ROOT.resolve(jar);
    assumeTrue(Files.isRegularFile(path), jar + " not built");
    String entry = handler.replaceAll("::.*", "").replace('.', '/') + ".class";
    try (ZipFile zip = new ZipFile(path.toFile())) {
      assertNotNull(zip.getEntry(entry), entry + " missing from " + jar);
    }
  }

  /** Issue 7: the Lambda artifacts leave Netty's HTTP server out (smaller jar, no hang on exit). */
  @ParameterizedTest(name = "{0}")
  @CsvSource({Artifacts.API_JAR, Artifacts.PLAYLIST_JAR})
  void lambdaJarCarriesNoNettyHttpServer(String jar) throws IOException {
    Path path = ROOT.resolve(jar);
    assumeTrue(Files.isRegularFile(path), jar + " not built");
    try (ZipFile zip = new ZipFile(path.toFile())) {
      List<String> netty = zip.stream().map(ZipEntry::getName)
          .filter(n -> n.startsWith("io/micronaut/http/server/netty/")).limit(3).toList();
      assertEquals(List.of(), netty, jar);
    }
  }

  /** The ports the NLB and its health check use are the ones the ingest image exposes. */
  @Test
  void ingestImageExposesRtmpAndHealthPorts() throws IOException {
    Path dockerfile = ROOT.resolve(Artifacts.INGEST_IMAGE).resolve("Dockerfile");
    assumeTrue(Files.isRegularFile(dockerfile), "no ingest Dockerfile yet");
    List<String> exposed = Files.readAllLines(dockerfile).stream().filter(l -> l.startsWith("EXPOSE"))
        .flatMap(l -> List.of(l.substring("EXPOSE".length()).trim().split("\\s+")).stream()).toList();
    assertTrue(exposed.contains(Integer.toString(ServiceContract.INGEST_RTMP_PORT)), exposed.toString());
    assertTrue(exposed.contains(Integer.toString(ServiceContract.INGEST_HEALTH_PORT)), exposed.toString());
  }

  @Test
  void theCheckoutSynthesizesWhenEverythingIsBuilt() {
    Artifacts real = Artifacts.inRepo(ROOT);
    try {
      real.require(TranscodeMode.FARGATE);
    } catch (InfraConfigException e) {
      assumeTrue(false, e.getMessage());
    }
    App app = new App(AppProps.builder()
        .outdir(Path.of("target", "cdk.out-real").toAbsolutePath().toString()).build());
    Template t = Template.fromStack(InfraApp.build(app, InfraConfig.defaults(), real, Map.of()));
    assertEquals(2, Templates.resources(t, "AWS::ECS::Service").size());
    // API, playlist, stream change handler, media sweep, WebSocket authorizer and routes, lease reaper.
    assertEquals(7, Templates.resources(t, "AWS::Lambda::Function").size());
  }
}
