package io.tributary.local.aws;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts a local AWS once per test JVM (kept in the root {@link ExtensionContext.Store}, stopped
 * when the JVM's test run ends) and injects {@link LocalAws} into test and lifecycle methods.
 *
 * <p>{@code -Dtributary.aws=embedded} (the default): S3Proxy, ElasticMQ and dynalite on ephemeral
 * loopback ports, in memory. {@code -Dtributary.aws=localstack}: a LocalStack container through
 * Testcontainers (passing {@code LOCALSTACK_AUTH_TOKEN}); without Docker every test using the
 * extension is reported skipped with the reason. Resources are shared by every test in the JVM:
 * use fresh ids ({@code StreamId.random()}) per test.
 */
public final class LocalAwsExtension implements ExecutionCondition, BeforeAllCallback, BeforeEachCallback,
    ParameterResolver {
  public static final String PROPERTY = "tributary.aws";
  private static final Logger LOG = LoggerFactory.getLogger(LocalAwsExtension.class);
  private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(LocalAwsExtension.class);

  /**
   * Without the requested backend (no Docker for LocalStack) the whole class is reported skipped
   * with the reason, before any {@code @BeforeAll} could ask for a {@link LocalAws}; JUnit would
   * report an abort thrown while resolving a parameter as a failure instead.
   */
  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    String reason = running(context).abortReason();
    return reason == null ? ConditionEvaluationResult.enabled("local AWS available")
        : ConditionEvaluationResult.disabled(reason);
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    running(context).aws();
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    running(context).aws();
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == LocalAws.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return running(context).aws();
  }

  private static RunningAws running(ExtensionContext context) {
    return context.getRoot().getStore(NS).getOrComputeIfAbsent(RunningAws.class, k -> start(), RunningAws.class);
  }

  private static RunningAws start() {
    String mode = System.getProperty(PROPERTY, "embedded").strip();
    try {
      return switch (mode) {
        case "", "embedded" -> embedded();
        case "localstack" -> LocalStackBackend.start();
        default -> RunningAws.failed(new LocalAwsException(PROPERTY, mode, "-D" + PROPERTY + "=" + mode
            + " is unknown: use embedded (default) or localstack"));
      };
    } catch (RuntimeException e) {
      LOG.error("local AWS for tests failed to start: {}", e.getMessage());
      return RunningAws.failed(e);
    }
  }

  private static RunningAws embedded() {
    Path dir;
    try {
      dir = Files.createTempDirectory("tributary-local-aws-");
    } catch (java.io.IOException e) {
      throw new LocalAwsException("java.io.tmpdir", System.getProperty("java.io.tmpdir"),
          "cannot create a temp dir for the test S3 data: " + e.getMessage(), e);
    }
    LocalAwsServer server = LocalAwsServer.start(LocalAwsConfig.forTests(dir));
    return RunningAws.started(server.aws(), () -> {
      server.close();
      LocalAwsServer.deleteTree(dir);
    });
  }
}
