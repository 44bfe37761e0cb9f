package io.tributary.playlist.manifest;

/**
 * One EXT-X-MEDIA tag of TYPE=AUDIO (RFC 8216 4.3.4.1).
 *
 * @param groupId GROUP-ID, required; variants name it in their AUDIO attribute
 * @param name NAME, required, human-readable
 * @param uri URI, required here (CMAF audio is always a separate media playlist)
 * @param isDefault DEFAULT=YES when true (optional attribute, written only when YES)
 * @param autoselect AUTOSELECT=YES when true (optional attribute; RFC: MUST be YES when DEFAULT is YES)
 */
public record AudioRendition(String groupId, String name, String uri, boolean isDefault, boolean autoselect) {
  public AudioRendition {
    HlsRules.quotedString("GROUP-ID", groupId);
    HlsRules.quotedString("NAME", name);
    HlsRules.quotedString("URI", uri);
    if (isDefault && !autoselect) {
      throw new InvalidManifestException("EXT-X-MEDIA " + name + ": AUTOSELECT must be YES when DEFAULT is YES (RFC 8216 4.3.4.1)");
    }
  }
}
