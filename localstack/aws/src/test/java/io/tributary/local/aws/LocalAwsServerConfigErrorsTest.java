package io.tributary.local.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.core.aws.AwsClients;
import io.tributary.core.aws.AwsSettings;
import io.tributary.core.resources.ResourceNames;
import io.tributary.core.resources.Schema;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A bad configuration fails at start with one line naming the problem and what to do. */
class LocalAwsServerConfigErrorsTest {

  @Test
  void portInUseNamesThePortAndTheVariable(@TempDir Path dir) throws Exception {
    try (ServerSocket taken = new ServerSocket()) {
      taken.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
      int port = taken.getLocalPort();
      LocalAwsException e = assertThrows(LocalAwsException.class,
          () -> LocalAwsServer.start(LocalAwsConfig.forTests(dir).withPorts(port, 0, 0)));
      assertOneLine(e);
      assertTrue(e.getMessage().contains("port " + port), e.getMessage());
      assertTrue(e.getMessage().contains("TRIBUTARY_S3_PORT"), e.getMessage());
      assertEquals("TRIBUTARY_S3_PORT", e.setting());
      assertEquals(Integer.toString(port), e.value());
    }
  }

  @Test
  void secondServerOnTheSameDataDirIsRefused(@TempDir Path dir) {
    LocalAwsConfig config = LocalAwsConfig.forTests(dir).withPersistence(true, false);
    try (LocalAwsServer first = LocalAwsServer.start(config)) {
      LocalAwsException e = assertThrows(LocalAwsException.class, () -> LocalAwsServer.start(config));
      assertOneLine(e);
      assertTrue(e.getMessage().contains("in use") && e.getMessage().contains("TRIBUTARY_DATA_DIR"), e.getMessage());
      assertTrue(first.aws().queueUrl().contains(first.names().jobQueue()), "the first keeps running");
    }
  }

  @Test
  void dataDirThatIsAFileSaysWhichVariableToFix(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("not-a-dir"), "x");
    LocalAwsException e = assertThrows(LocalAwsException.class,
        () -> LocalAwsServer.start(LocalAwsConfig.forTests(file)));
    assertOneLine(e);
    assertTrue(e.getMessage().startsWith("cannot create data dir " + file), e.getMessage());
    assertTrue(e.getMessage().contains("TRIBUTARY_DATA_DIR"), e.getMessage());
  }

  @Test
  void missingNpmSaysToInstallNode(@TempDir Path dir, @TempDir Path emptyCache) {
    Map<String, String> env = Map.of("TRIBUTARY_CACHE_DIR", emptyCache.toString(),
        "TRIBUTARY_DATA_DIR", dir.toString(), "TRIBUTARY_NPM", "/nonexistent/npm",
        "TRIBUTARY_S3_PORT", "0", "TRIBUTARY_SQS_PORT", "0", "TRIBUTARY_DYNAMODB_PORT", "0");
    LocalAwsException e = assertThrows(LocalAwsException.class,
        () -> LocalAwsServer.start(LocalAwsConfig.fromEnv(env)));
    assertOneLine(e);
    assertTrue(e.getMessage().startsWith("npm not found"), e.getMessage());
    assertTrue(e.getMessage().contains("TRIBUTARY_NPM"), e.getMessage());
  }

  @Test
  void missingNodeSaysToInstallNode(@TempDir Path dir) {
    LocalAwsException e = assertThrows(LocalAwsException.class,
        () -> LocalAwsServer.start(LocalAwsConfig.forTests(dir).withNode("/nonexistent/node", "npm")));
    assertOneLine(e);
    assertTrue(e.getMessage().startsWith("node not found"), e.getMessage());
  }

  @Test
  void unreachableEndpointNamesItAndTheVariable() throws Exception {
    int closed;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      closed = s.getLocalPort();
    }
    URI nowhere = URI.create("http://127.0.0.1:" + closed);
    AwsClients clients = new AwsClients(AwsSettings.single(nowhere, "us-east-1"));
    LocalAwsException ready = assertThrows(LocalAwsException.class,
        () -> Readiness.await(clients, Duration.ofMillis(300)));
    assertOneLine(ready);
    assertTrue(ready.getMessage().contains(nowhere.toString()) && ready.getMessage().contains("AWS_ENDPOINT_URL_S3"),
        ready.getMessage());

    LocalAwsException boot = assertThrows(LocalAwsException.class,
        () -> Bootstrap.run(clients, new Schema(ResourceNames.withPrefix("tributary"))));
    assertOneLine(boot);
    assertTrue(boot.getMessage().contains(nowhere.toString()) && boot.getMessage().contains("AWS_ENDPOINT_URL"),
        boot.getMessage());
  }

  @Test
  void badVariablesAreRefusedWithTheirNameAndValue() {
    LocalAwsException port = assertThrows(LocalAwsException.class,
        () -> LocalAwsConfig.fromEnv(Map.of("TRIBUTARY_SQS_PORT", "nine")));
    assertEquals("TRIBUTARY_SQS_PORT", port.setting());
    assertEquals("nine", port.value());
    assertOneLine(port);
    LocalAwsException range = assertThrows(LocalAwsException.class,
        () -> LocalAwsConfig.fromEnv(Map.of("TRIBUTARY_DYNAMODB_PORT", "70000")));
    assertTrue(range.getMessage().contains("TRIBUTARY_DYNAMODB_PORT=70000"), range.getMessage());
    LocalAwsException same = assertThrows(LocalAwsException.class,
        () -> LocalAwsConfig.fromEnv(Map.of("TRIBUTARY_S3_PORT", "9324")));
    assertEquals("TRIBUTARY_S3_PORT and TRIBUTARY_SQS_PORT are both 9324: give each emulator its own port",
        same.getMessage());
    LocalAwsException wipe = assertThrows(LocalAwsException.class,
        () -> LocalAwsConfig.fromEnv(Map.of("TRIBUTARY_WIPE", "maybe")));
    assertEquals("TRIBUTARY_WIPE", wipe.setting());
  }

  @Test
  void launcherDefaultsAreTheDocumentedOnes() {
    LocalAwsConfig c = LocalAwsConfig.fromEnv(Map.of());
    assertEquals(9090, c.s3Port());
    assertEquals(9324, c.sqsPort());
    assertEquals(8000, c.dynamoPort());
    assertTrue(c.persistent());
    assertFalse(c.wipe());
    assertEquals(Path.of(".tributary").toAbsolutePath().normalize(), c.dataDir());
    assertEquals(ResourceNames.withPrefix("tributary"), c.names());
  }

  private static void assertOneLine(Exception e) {
    assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
  }
}
