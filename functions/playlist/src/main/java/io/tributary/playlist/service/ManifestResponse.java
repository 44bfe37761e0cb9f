package io.tributary.playlist.service;

/**
 * What to answer: status, body, content type and Cache-Control.
 *
 * @param status HTTP status
 * @param body manifest text or a one-line error
 * @param contentType {@code application/vnd.apple.mpegurl} (RFC 8216 4), {@code application/dash+xml}
 *     (ISO/IEC 23009-1 Annex C), or {@code text/plain} for errors
 * @param cacheControl full Cache-Control value
 */
public record ManifestResponse(int status, String body, String contentType, String cacheControl) {
  public static final String HLS = "application/vnd.apple.mpegurl";
  public static final String DASH = "application/dash+xml";
  public static final String TEXT = "text/plain; charset=utf-8";

  /** 404s are cached 1 s: a stream that starts is visible within a second. */
  public static ManifestResponse notFound(String why) {
    return new ManifestResponse(404, why + "\n", TEXT, "public, max-age=1");
  }

  public static ManifestResponse refused(ViewerRequestException e) {
    return new ManifestResponse(e.status(), e.getMessage() + "\n", TEXT, "private, no-store");
  }
}
