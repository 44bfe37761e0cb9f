package io.tributary.local.aws;

/**
 * The one failure of the local AWS boundary: a bad configuration or an emulator that would not
 * start. The message is one line that says what is wrong and what to do; {@link #setting()} names
 * the environment variable or input at fault and {@link #value()} its offending value.
 */
public final class LocalAwsException extends RuntimeException {
  private final String setting;
  private final String value;

  public LocalAwsException(String setting, String value, String message) {
    super(message);
    this.setting = setting;
    this.value = value;
  }

  public LocalAwsException(String setting, String value, String message, Throwable cause) {
    super(message, cause);
    this.setting = setting;
    this.value = value;
  }

  public String setting() {
    return setting;
  }

  public String value() {
    return value;
  }
}
