package io.tributary.local.aws;

/**
 * The key pair the emulators accept. {@code AwsClients} signs with the environment's credentials
 * when there are any, else with its fixed local pair; S3Proxy checks signatures, so it must be
 * configured with whichever of the two the clients in this process will use.
 */
record LocalCredentials(String accessKeyId, String secretKey) {
  /** The pair {@code io.tributary.core.aws.AwsClients} uses when the environment has none. */
  static final LocalCredentials FIXED = new LocalCredentials("tributary", "tributary-local-secret");

  LocalCredentials {
    if (accessKeyId == null || accessKeyId.isBlank() || secretKey == null || secretKey.isBlank()) {
      throw new LocalAwsException("AWS_ACCESS_KEY_ID", String.valueOf(accessKeyId),
          "AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY must both be set or both unset");
    }
  }

  static LocalCredentials forThisProcess() {
    String id = firstNonBlank(System.getenv("AWS_ACCESS_KEY_ID"), System.getProperty("aws.accessKeyId"));
    if (id == null) {
      return FIXED;
    }
    return new LocalCredentials(id,
        firstNonBlank(System.getenv("AWS_SECRET_ACCESS_KEY"), System.getProperty("aws.secretAccessKey")));
  }

  private static String firstNonBlank(String a, String b) {
    return a != null && !a.isBlank() ? a : b != null && !b.isBlank() ? b : null;
  }
}
