package io.tributary.playlist.manifest;

/** Syntax rules of RFC 8216 4.2 for attribute values, checked by the model's constructors. */
final class HlsRules {
  private HlsRules() {}

  /** quoted-string: no CR, LF or double quote (RFC 8216 4.2); required here, so not blank. */
  static void quotedString(String attribute, String value) {
    if (value == null || value.isBlank()) {
      throw new InvalidManifestException(attribute + " is required");
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '"' || c == '\r' || c == '\n') {
        throw new InvalidManifestException(attribute + " must not contain quotes or line breaks: " + value);
      }
    }
  }

  /** A URI line: one line, not starting with '#' (RFC 8216 4.1). */
  static void uriLine(String value) {
    quotedString("URI", value);
    if (value.charAt(0) == '#') {
      throw new InvalidManifestException("a URI line cannot start with '#': " + value);
    }
  }
}
