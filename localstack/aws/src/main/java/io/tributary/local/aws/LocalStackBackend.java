package io.tributary.local.aws;

import io.tributary.core.aws.AwsClients;
import io.tributary.core.aws.AwsSettings;
import io.tributary.core.resources.ResourceNames;
import io.tributary.core.resources.Schema;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.localstack.LocalStackContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * The same tests against a real LocalStack in Docker ({@code -Dtributary.aws=localstack}), with the
 * same {@link Bootstrap}. Current LocalStack images want {@code LOCALSTACK_AUTH_TOKEN}; it is
 * passed through from the environment. No Docker engine means skipped, never passed.
 */
final class LocalStackBackend {
  /** Override with {@code -Dtributary.localstack.image=...}; keep in step with docker-compose.yml. */
  static final String IMAGE = "localstack/localstack:4.4";

  private LocalStackBackend() {}

  static RunningAws start() {
    boolean docker;
    String why = "";
    try {
      docker = DockerClientFactory.instance().isDockerAvailable();
    } catch (RuntimeException | LinkageError e) {
      docker = false;
      why = " (" + e.getMessage() + ")";
    }
    if (!docker) {
      return RunningAws.aborted("no Docker engine is reachable" + why
          + ": LocalStack tests skipped (the embedded emulators run the same tests); start Docker to run them");
    }
    String image = System.getProperty("tributary.localstack.image", IMAGE);
    @SuppressWarnings("resource")
    LocalStackContainer c = new LocalStackContainer(DockerImageName.parse(image)
        .asCompatibleSubstituteFor("localstack/localstack"))
        .withServices(LocalStackContainer.Service.S3, LocalStackContainer.Service.SQS,
            LocalStackContainer.Service.DYNAMODB);
    String token = System.getenv("LOCALSTACK_AUTH_TOKEN");
    if (token != null && !token.isBlank()) {
      c.withEnv("LOCALSTACK_AUTH_TOKEN", token);
    }
    try {
      c.start();
    } catch (RuntimeException e) {
      throw new LocalAwsException("LOCALSTACK_AUTH_TOKEN", token == null || token.isBlank() ? "unset" : "set",
          "LocalStack container " + image + " did not start (" + Readiness.rootMessage(e) + "): current images need "
              + "LOCALSTACK_AUTH_TOKEN in the environment; or run without -Dtributary.aws for the embedded emulators",
          e);
    }
    try {
      AwsSettings settings = AwsSettings.single(c.getEndpoint(), c.getRegion());
      AwsClients clients = new AwsClients(settings);
      Readiness.await(clients, Duration.ofSeconds(60));
      ResourceNames names = ResourceNames.withPrefix(ResourceNames.DEFAULT_PREFIX);
      BootstrapResult boot = Bootstrap.run(clients, new Schema(names));
      Map<String, String> env = new HashMap<>(LocalEnv.of(settings, names, LocalCredentials.forThisProcess()));
      env.put("AWS_ENDPOINT_URL", c.getEndpoint().toString());
      LocalAws aws = new LocalAws(clients, names, settings, env, boot.queueUrl(), boot.dlqUrl());
      return RunningAws.started(aws, c::stop);
    } catch (RuntimeException e) {
      c.stop();
      throw e;
    }
  }
}
