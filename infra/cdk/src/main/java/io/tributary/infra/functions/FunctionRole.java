package io.tributary.infra.functions;

import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.logs.LogGroup;
import software.constructs.Construct;

/**
 * A Lambda execution role that may write to its own log group and nothing else until granted.
 * CDK's default role attaches AWSLambdaBasicExecutionRole, which allows writing any log group
 * in the account.
 */
public final class FunctionRole {
  private FunctionRole() {}

  public static Role create(Construct scope, String id, LogGroup logs) {
    Role role = Role.Builder.create(scope, id)
        .assumedBy(new ServicePrincipal("lambda.amazonaws.com"))
        .description("Writes its own log group; data access granted per resource")
        .build();
    logs.grantWrite(role);
    return role;
  }

}
