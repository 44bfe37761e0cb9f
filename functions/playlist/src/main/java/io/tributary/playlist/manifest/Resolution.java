package io.tributary.playlist.manifest;

/** RESOLUTION attribute value, {@code <width>x<height>} (RFC 8216 4.3.4.2, decimal-resolution). */
public record Resolution(int width, int height) {
  public Resolution {
    if (width <= 0 || height <= 0) {
      throw new InvalidManifestException("RESOLUTION needs positive width and height, got " + width + "x" + height);
    }
  }
}
