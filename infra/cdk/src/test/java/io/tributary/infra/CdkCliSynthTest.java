package io.tributary.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The real AWS CDK CLI (the version pinned in package.json, installed under target/) synthesizes
 * this app as `npx cdk synth` does: cdk.json's settings (notices and telemetry off), the app's
 * main with its context validation, artifact checks and cdk-nag errors. Proves the CLI and
 * aws-cdk-lib agree on the cloud assembly and that synth needs no AWS account.
 */
class CdkCliSynthTest {
  private static final Path CLI_DIR = Path.of("target", "cdk-cli").toAbsolutePath();
  private static final Path OUT = Path.of("target", "cdk-cli-out").toAbsolutePath();

  @Test
  @SuppressWarnings("unchecked")
  void cliSynthesizesTheAppWithCdkJsonSettings() throws IOException, InterruptedException {
    Path cdk = installCli();
    deleteTree(OUT);
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String app = java + " -cp " + System.getProperty("java.class.path") + " " + InfraApp.class.getName();
    ProcessBuilder pb = new ProcessBuilder("node", cdk.toString(), "synth", "--quiet", "--app", app,
        "-c", InfraApp.REPO_ROOT + "=" + TestArtifacts.repo(), "-o", OUT.toString())
        .directory(CdkJson.FILE.getParent().toFile())
        .redirectErrorStream(true);
    pb.environment().put("JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION", "20");
    pb.environment().put("CDK_DISABLE_CLI_TELEMETRY", "true");
    pb.environment().remove("CDK_DEFAULT_ACCOUNT");
    pb.environment().remove("CDK_DEFAULT_REGION");
    String output = run(pb, 300);

    Path template = OUT.resolve("Tributary-tributary.template.json");
    assertTrue(Files.isRegularFile(template), output);
    Map<String, Object> t = new ObjectMapper().readValue(template.toFile(), Map.class);
    Map<String, Map<String, Object>> resources = (Map<String, Map<String, Object>>) t.get("Resources");
    assertEquals(2, resources.values().stream().filter(r -> "AWS::ECS::Service".equals(r.get("Type"))).count());
    assertEquals(1, resources.values().stream().filter(r -> "AWS::CloudFront::Distribution".equals(r.get("Type")))
        .count());
    // versionReporting=false in cdk.json: no CDK metadata resource phoning home.
    assertFalse(resources.containsKey("CDKMetadata"), resources.keySet().toString());
    assertFalse(output.contains("AwsSolutions-"), output);
    assertFalse(output.contains("snapStartRequirePublish"), output);
  }

  private static Path installCli() throws IOException, InterruptedException {
    Path cdk = CLI_DIR.resolve("node_modules/aws-cdk/bin/cdk");
    Map<String, Object> pkg = new ObjectMapper().readValue(CdkJson.FILE.resolveSibling("package.json").toFile(),
        Map.class);
    @SuppressWarnings("unchecked")
    String version = ((Map<String, String>) pkg.get("devDependencies")).get("aws-cdk");
    Path installed = CLI_DIR.resolve("node_modules/aws-cdk/package.json");
    if (!Files.isRegularFile(installed) || !Files.readString(installed).contains("\"version\": \"" + version + "\"")) {
      Files.createDirectories(CLI_DIR);
      Files.copy(CdkJson.FILE.resolveSibling("package.json"), CLI_DIR.resolve("package.json"),
          java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      run(new ProcessBuilder("npm", "install", "--no-audit", "--no-fund", "--no-package-lock", "--loglevel=error")
          .directory(CLI_DIR.toFile()).redirectErrorStream(true), 240);
    }
    assertTrue(Files.isRegularFile(cdk), "aws-cdk " + version + " not installed in " + CLI_DIR);
    return cdk;
  }

  private static String run(ProcessBuilder pb, int timeoutSeconds) throws IOException, InterruptedException {
    Path log = Files.createTempFile("cdk-cli", ".log");
    Process p = pb.redirectOutput(log.toFile()).start();
    if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError(String.join(" ", pb.command()) + " did not finish in " + timeoutSeconds + " s:\n"
          + Files.readString(log, StandardCharsets.UTF_8));
    }
    String out = Files.readString(log, StandardCharsets.UTF_8);
    Files.delete(log);
    assertEquals(0, p.exitValue(), String.join(" ", pb.command().subList(0, 3)) + " failed:\n" + out);
    return out;
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

}
