package io.tributary.playlist.manifest;

/**
 * A playlist model that would break a spec rule (RFC 8216, ISO/IEC 23009-1). Thrown by the
 * compact constructors of this package so a writer never renders an invalid manifest; the
 * message names the rule and the offending values.
 */
public class InvalidManifestException extends IllegalArgumentException {
  public InvalidManifestException(String message) {
    super(message);
  }
}
