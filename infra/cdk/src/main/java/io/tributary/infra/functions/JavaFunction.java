package io.tributary.infra.functions;

import io.tributary.infra.config.ServiceContract;
import io.tributary.infra.nag.Nag;
import java.nio.file.Path;
import java.util.Map;
import software.amazon.awscdk.Annotations;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.lambda.Alias;
import software.amazon.awscdk.services.lambda.Architecture;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.SnapStartConf;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.constructs.Construct;

/**
 * One Micronaut function as it is deployed: the shaded {@code -lambda} jar (no Netty HTTP server),
 * arm64 (20% cheaper per GB-second, the jar is pure Java), SnapStart on published versions, and
 * an alias {@value #ALIAS} on the current version that callers invoke — SnapStart only applies to
 * versions, never to $LATEST, so nothing may point at the unqualified function.
 */
public final class JavaFunction extends Construct {
  public static final String ALIAS = "live";

  private final Function function;
  private final Alias alias;

  public JavaFunction(Construct scope, String id, Path jar, String handler, int memoryMb, Duration timeout,
                      Map<String, String> environment, String description) {
    super(scope, id);
    LogGroup logs = LogGroup.Builder.create(this, "Logs")
        .retention(RetentionDays.ONE_MONTH).removalPolicy(RemovalPolicy.DESTROY).build();
    function = Function.Builder.create(this, "Function")
        .role(FunctionRole.create(this, "Role", logs))
        .runtime(ServiceContract.LAMBDA_RUNTIME)
        .architecture(Architecture.ARM_64)
        .handler(handler)
        .code(Code.fromAsset(jar.toString()))
        .memorySize(memoryMb)
        .timeout(timeout)
        .snapStart(SnapStartConf.ON_PUBLISHED_VERSIONS)
        .environment(environment)
        .logGroup(logs)
        .description(description)
        .build();
    Nag.suppress(function, "AwsSolutions-L1", "Java 21 is the newest runtime the services are built and tested "
        + "for with SnapStart (ServiceContract.LAMBDA_RUNTIME).");
    alias = Alias.Builder.create(this, "Alias").aliasName(ALIAS).version(function.getCurrentVersion()).build();
    // CDK warns that SnapStart needs a published version; the alias above is exactly that.
    Annotations.of(function).acknowledgeWarning("@aws-cdk/aws-lambda:snapStartRequirePublish",
        "Published through currentVersion and invoked only through the live alias");
  }

  public Function function() {
    return function;
  }

  /** What integrations and URLs target: the SnapStart-enabled published version. */
  public Alias alias() {
    return alias;
  }
}
