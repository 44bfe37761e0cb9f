package io.tributary.playlist.manifest;

/**
 * A UTCTiming descriptor (ISO/IEC 23009-1 5.8.4.11), so clients align their clock with ours.
 *
 * @param schemeIdUri required, e.g. {@code urn:mpeg:dash:utc:http-iso:2014} or {@code urn:mpeg:dash:utc:direct:2014}
 * @param value required: a URL for http-* schemes, the time itself for direct
 */
public record UtcTiming(String schemeIdUri, String value) {
  public static final String HTTP_ISO = "urn:mpeg:dash:utc:http-iso:2014";
  public static final String DIRECT = "urn:mpeg:dash:utc:direct:2014";

  public UtcTiming {
    HlsRules.quotedString("UTCTiming@schemeIdUri", schemeIdUri);
    HlsRules.quotedString("UTCTiming@value", value);
  }
}
