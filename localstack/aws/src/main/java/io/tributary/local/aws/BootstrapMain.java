package io.tributary.local.aws;

import io.tributary.core.aws.AwsClients;
import io.tributary.core.resources.ResourceNames;
import io.tributary.core.resources.Schema;

/**
 * Creates every resource of the schema on whatever endpoint the environment names
 * ({@code AWS_ENDPOINT_URL} for LocalStack, the per-service variables, or none for AWS itself) and
 * prints the queue URLs. For LocalStack without the init script, or a scratch AWS account.
 * A failure prints one line and exits with 2.
 */
public final class BootstrapMain {
  private BootstrapMain() {}

  public static void main(String[] args) {
    LocalLogging.useModuleConfigUnlessSet();
    try {
      BootstrapResult r = Bootstrap.run(AwsClients.fromEnv(), new Schema(ResourceNames.fromEnv()));
      System.out.println("queue: " + r.queueUrl());
      System.out.println("dlq: " + r.dlqUrl());
    } catch (LocalAwsException | IllegalArgumentException e) {
      System.err.println("bootstrap: " + e.getMessage());
      System.exit(2);
    }
  }
}
