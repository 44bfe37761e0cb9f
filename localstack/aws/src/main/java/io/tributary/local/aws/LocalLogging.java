package io.tributary.local.aws;

/** Points logback at this module's JSON config for its own mains, unless the caller chose one. */
final class LocalLogging {
  static final String CONFIG = "io/tributary/local/aws/logback-local-aws.xml";

  private LocalLogging() {}

  /** Call first thing in a main, before any logger exists. */
  static void useModuleConfigUnlessSet() {
    if (System.getProperty("logback.configurationFile") == null) {
      System.setProperty("logback.configurationFile", CONFIG);
    }
  }
}
