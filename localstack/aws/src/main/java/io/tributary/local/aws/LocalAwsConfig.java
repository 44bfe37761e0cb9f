package io.tributary.local.aws;

import io.tributary.core.aws.AwsSettings;
import io.tributary.core.resources.ResourceNames;
import java.nio.file.Path;
import java.util.Map;

/**
 * How to start the embedded emulators. {@link #fromEnv(Map)} is the launcher's view: fixed ports,
 * data kept on disk under {@code dataDir} across restarts. {@link #forTests(Path)} is the JUnit
 * extension's: ephemeral loopback ports, DynamoDB and SQS in memory.
 *
 * <p>A port of 0 means "any free loopback port".
 *
 * @param dataDir   root of everything kept on disk: {@code s3/}, {@code sqs/}, {@code dynamodb/}
 * @param persistent keep SQS messages (H2) and DynamoDB items (LevelDB) on disk; S3 is always on disk
 * @param wipe      delete the three emulator directories under {@code dataDir} before starting
 * @param cacheDir  where dynalite is installed with npm ({@code node/} below it)
 * @param node      the node executable; {@code npm} is looked up beside it or on PATH
 */
public record LocalAwsConfig(Path dataDir, int s3Port, int sqsPort, int dynamoPort, boolean persistent,
                             boolean wipe, Path cacheDir, String node, String npm, String region,
                             ResourceNames names) {

  public static final String ENV_DATA_DIR = "TRIBUTARY_DATA_DIR";
  public static final String ENV_S3_PORT = "TRIBUTARY_S3_PORT";
  public static final String ENV_SQS_PORT = "TRIBUTARY_SQS_PORT";
  public static final String ENV_DYNAMODB_PORT = "TRIBUTARY_DYNAMODB_PORT";
  public static final String ENV_WIPE = "TRIBUTARY_WIPE";
  public static final String ENV_CACHE_DIR = "TRIBUTARY_CACHE_DIR";
  public static final String ENV_NODE = "TRIBUTARY_NODE";
  public static final String ENV_NPM = "TRIBUTARY_NPM";

  public static final int DEFAULT_S3_PORT = 9090;
  public static final int DEFAULT_SQS_PORT = 9324;
  public static final int DEFAULT_DYNAMODB_PORT = 8000;
  public static final String DEFAULT_DATA_DIR = ".tributary";

  public LocalAwsConfig {
    if (dataDir == null || cacheDir == null || names == null) {
      throw new LocalAwsException("config", "null", "dataDir, cacheDir and names are required");
    }
    port(ENV_S3_PORT, s3Port);
    port(ENV_SQS_PORT, sqsPort);
    port(ENV_DYNAMODB_PORT, dynamoPort);
    distinct(ENV_S3_PORT, s3Port, ENV_SQS_PORT, sqsPort);
    distinct(ENV_S3_PORT, s3Port, ENV_DYNAMODB_PORT, dynamoPort);
    distinct(ENV_SQS_PORT, sqsPort, ENV_DYNAMODB_PORT, dynamoPort);
    if (node == null || node.isBlank() || npm == null || npm.isBlank()) {
      throw new LocalAwsException(ENV_NODE, String.valueOf(node), "node and npm commands must not be blank");
    }
    dataDir = dataDir.toAbsolutePath().normalize();
    cacheDir = cacheDir.toAbsolutePath().normalize();
    // Validates the region the same way the SDK settings will.
    AwsSettings.real(region);
  }

  /**
   * The launcher's configuration. Variables (defaults): {@code TRIBUTARY_DATA_DIR} (./.tributary),
   * {@code TRIBUTARY_S3_PORT} (9090), {@code TRIBUTARY_SQS_PORT} (9324), {@code TRIBUTARY_DYNAMODB_PORT}
   * (8000), {@code TRIBUTARY_WIPE} (false), {@code TRIBUTARY_CACHE_DIR} (~/.cache/tributary),
   * {@code TRIBUTARY_NODE} (node), {@code TRIBUTARY_NPM} (npm), {@code AWS_REGION} (us-east-1),
   * {@code TRIBUTARY_PREFIX} and the per-resource names of {@link ResourceNames#fromEnv(Map)}.
   */
  public static LocalAwsConfig fromEnv(Map<String, String> env) {
    return new LocalAwsConfig(Path.of(env.getOrDefault(ENV_DATA_DIR, DEFAULT_DATA_DIR)),
        intVar(env, ENV_S3_PORT, DEFAULT_S3_PORT), intVar(env, ENV_SQS_PORT, DEFAULT_SQS_PORT),
        intVar(env, ENV_DYNAMODB_PORT, DEFAULT_DYNAMODB_PORT), true, boolVar(env, ENV_WIPE),
        cacheDir(env), env.getOrDefault(ENV_NODE, "node"), env.getOrDefault(ENV_NPM, "npm"),
        region(env), ResourceNames.fromEnv(env));
  }

  public static LocalAwsConfig fromEnv() {
    return fromEnv(System.getenv());
  }

  /** Ephemeral ports, in-memory DynamoDB and SQS, S3 files under {@code dataDir}. */
  public static LocalAwsConfig forTests(Path dataDir) {
    Map<String, String> env = System.getenv();
    return new LocalAwsConfig(dataDir, 0, 0, 0, false, false, cacheDir(env), env.getOrDefault(ENV_NODE, "node"),
        env.getOrDefault(ENV_NPM, "npm"), region(env), ResourceNames.withPrefix(ResourceNames.DEFAULT_PREFIX));
  }

  public LocalAwsConfig withPorts(int s3, int sqs, int dynamo) {
    return new LocalAwsConfig(dataDir, s3, sqs, dynamo, persistent, wipe, cacheDir, node, npm, region, names);
  }

  public LocalAwsConfig withPersistence(boolean persist, boolean wipeFirst) {
    return new LocalAwsConfig(dataDir, s3Port, sqsPort, dynamoPort, persist, wipeFirst, cacheDir, node, npm, region,
        names);
  }

  public LocalAwsConfig withNode(String nodeCommand, String npmCommand) {
    return new LocalAwsConfig(dataDir, s3Port, sqsPort, dynamoPort, persistent, wipe, cacheDir, nodeCommand,
        npmCommand, region, names);
  }

  public Path s3Dir() {
    return dataDir.resolve("s3");
  }

  public Path sqsDir() {
    return dataDir.resolve("sqs");
  }

  public Path dynamoDir() {
    return dataDir.resolve("dynamodb");
  }

  private static void port(String var, int p) {
    if (p < 0 || p > 65535) {
      throw new LocalAwsException(var, String.valueOf(p), var + "=" + p + " is not a port: use 1..65535 (0 = any free port)");
    }
  }

  private static void distinct(String var1, int p1, String var2, int p2) {
    if (p1 != 0 && p1 == p2) {
      throw new LocalAwsException(var2, String.valueOf(p2), var1 + " and " + var2 + " are both " + p1
          + ": give each emulator its own port");
    }
  }

  private static int intVar(Map<String, String> env, String name, int dflt) {
    String v = env.get(name);
    if (v == null || v.isBlank()) {
      return dflt;
    }
    try {
      return Integer.parseInt(v.strip());
    } catch (NumberFormatException e) {
      throw new LocalAwsException(name, v, name + "=" + v + " is not a number: set it to a port such as " + dflt);
    }
  }

  private static boolean boolVar(Map<String, String> env, String name) {
    String v = env.getOrDefault(name, "false").strip().toLowerCase();
    return switch (v) {
      case "true", "1", "yes" -> true;
      case "false", "0", "no", "" -> false;
      default -> throw new LocalAwsException(name, v, name + "=" + v + " is not a boolean: use true or false");
    };
  }

  private static Path cacheDir(Map<String, String> env) {
    String v = env.get(ENV_CACHE_DIR);
    return v == null || v.isBlank()
        ? Path.of(System.getProperty("user.home"), ".cache", "tributary")
        : Path.of(v);
  }

  private static String region(Map<String, String> env) {
    String r = env.getOrDefault("AWS_REGION", env.getOrDefault("AWS_DEFAULT_REGION", AwsSettings.DEFAULT_REGION));
    return r.isBlank() ? AwsSettings.DEFAULT_REGION : r.strip();
  }
}
