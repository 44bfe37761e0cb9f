package io.tributary.infra.config;

/**
 * The one failure of the app's input boundary: a context value or a build artifact that cannot
 * make a deployable stack. Thrown before any construct exists, naming the key, the value and the
 * fix, so {@code cdk synth} stops with one clear line instead of a half-built template.
 */
public final class InfraConfigException extends RuntimeException {
  private final String key;
  private final transient Object value;

  public InfraConfigException(String key, Object value, String problem) {
    super(key + "=" + value + ": " + problem);
    this.key = key;
    this.value = value;
  }

  public String key() {
    return key;
  }

  public Object value() {
    return value;
  }
}
