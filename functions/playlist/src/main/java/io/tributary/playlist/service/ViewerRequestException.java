package io.tributary.playlist.service;

/** A viewer request this service refuses: the HTTP status, the parameter and the offending value. */
public class ViewerRequestException extends RuntimeException {
  private final int status;
  private final String parameter;

  public ViewerRequestException(int status, String parameter, String value, String problem) {
    super(parameter + (value == null ? "" : "=" + abbreviate(value)) + ": " + problem);
    this.status = status;
    this.parameter = parameter;
  }

  public int status() {
    return status;
  }

  public String parameter() {
    return parameter;
  }

  private static String abbreviate(String v) {
    return v.length() > 64 ? v.substring(0, 64) + "..." : v;
  }
}
