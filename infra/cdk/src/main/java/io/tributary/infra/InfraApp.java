package io.tributary.infra;

import io.github.cdklabs.cdknag.AwsSolutionsChecks;
import io.github.cdklabs.cdknag.NagPackProps;
import io.tributary.infra.config.Artifacts;
import io.tributary.infra.config.InfraConfig;
import io.tributary.infra.config.InfraConfigException;
import io.tributary.infra.stack.TributaryStack;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Aspects;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.StackProps;

/**
 * The CDK app ({@code cdk.json} runs it). Validates every context value and checks that the
 * artifacts it ships are built before creating a single construct, then runs the cdk-nag
 * AwsSolutions checks on every synth: a finding without a recorded reason is a synth error.
 *
 * <p>The stack is environment-agnostic unless the CDK CLI supplies an account and region
 * (it does when credentials are configured), so {@code cdk synth} needs no AWS access.
 */
public final class InfraApp {
  /** Context key overriding the repository root (default: found upward from the working directory). */
  public static final String REPO_ROOT = "repoRoot";

  private InfraApp() {}

  public static void main(String[] args) {
    App app = new App();
    try {
      InfraConfig config = InfraConfig.fromContext(app.getNode()::tryGetContext);
      Artifacts artifacts = Artifacts.inRepo(repoRoot(app.getNode().tryGetContext(REPO_ROOT))).require(config.transcode());
      build(app, config, artifacts, System.getenv());
    } catch (InfraConfigException e) {
      System.err.println("tributary: " + e.getMessage());
      System.exit(2);
    }
    app.synth();
  }

  /** The stack and the nag checks, as {@code main} and the tests build them. */
  public static TributaryStack build(App app, InfraConfig config, Artifacts artifacts, Map<String, String> env) {
    StackProps.Builder props = StackProps.builder()
        .description("Tributary live streaming pipeline (" + config.prefix() + ")");
    String account = env.get("CDK_DEFAULT_ACCOUNT");
    String region = env.get("CDK_DEFAULT_REGION");
    if (account != null && region != null) {
      props.env(Environment.builder().account(account).region(region).build());
    }
    TributaryStack stack = new TributaryStack(app, props.build(), config, artifacts);
    Aspects.of(app).add(new AwsSolutionsChecks(NagPackProps.builder().verbose(true).build()));
    return stack;
  }

  static Path repoRoot(Object configured) {
    if (configured != null) {
      Path p = Path.of(configured.toString()).toAbsolutePath().normalize();
      if (!isRepoRoot(p)) {
        throw new InfraConfigException(REPO_ROOT, configured, "not the Tributary repository root");
      }
      return p;
    }
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      if (isRepoRoot(p)) {
        return p;
      }
    }
    throw new InfraConfigException(REPO_ROOT, Path.of("").toAbsolutePath(),
        "no Tributary checkout above the working directory; run from infra/cdk or pass -c repoRoot=<path>");
  }

  private static boolean isRepoRoot(Path p) {
    return Files.isRegularFile(p.resolve("pom.xml")) && Files.isDirectory(p.resolve("core"))
        && Files.isDirectory(p.resolve("infra/cdk"));
  }
}
