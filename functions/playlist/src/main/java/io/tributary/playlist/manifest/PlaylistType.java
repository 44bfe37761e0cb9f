package io.tributary.playlist.manifest;

/** EXT-X-PLAYLIST-TYPE values (RFC 8216 4.3.3.5). */
public enum PlaylistType {
  /** Segments are only appended: a still-live session watched from its start. */
  EVENT,
  /** The playlist never changes: an ended session or a closed DVR clip. */
  VOD
}
