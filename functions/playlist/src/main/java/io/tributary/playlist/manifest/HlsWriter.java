package io.tributary.playlist.manifest;

import java.util.OptionalLong;

/** Renders the HLS model as RFC 8216 text (UTF-8, LF line ends, 4.1). Pure and thread-safe. */
public final class HlsWriter {
  private HlsWriter() {}

  public static String write(MultivariantPlaylist p) {
    StringBuilder out = new StringBuilder(256 + 256 * p.variants().size());
    out.append("#EXTM3U\n#EXT-X-VERSION:").append(p.version()).append('\n');
    if (p.independentSegments()) {
      out.append("#EXT-X-INDEPENDENT-SEGMENTS\n");
    }
    for (AudioRendition a : p.audio()) {
      out.append("#EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID=\"").append(a.groupId()).append("\",NAME=\"").append(a.name())
          .append('"');
      if (a.isDefault()) {
        out.append(",DEFAULT=YES");
      }
      if (a.autoselect()) {
        out.append(",AUTOSELECT=YES");
      }
      out.append(",URI=\"").append(a.uri()).append("\"\n");
    }
    for (VariantStream v : p.variants()) {
      out.append("#EXT-X-STREAM-INF:BANDWIDTH=").append(v.bandwidth());
      v.averageBandwidth().ifPresent(b -> out.append(",AVERAGE-BANDWIDTH=").append(b));
      out.append(",CODECS=\"").append(v.codecs()).append('"');
      v.resolution().ifPresent(r -> out.append(",RESOLUTION=").append(r.width()).append('x').append(r.height()));
      if (v.frameRate().isPresent()) {
        out.append(",FRAME-RATE=");
        Text.seconds3(out, Math.round(v.frameRate().getAsDouble() * 1000));
      }
      v.audioGroup().ifPresent(g -> out.append(",AUDIO=\"").append(g).append('"'));
      out.append('\n').append(v.uri()).append('\n');
    }
    return out.toString();
  }

  public static String write(MediaPlaylist p) {
    StringBuilder out = new StringBuilder(200 + 64 * p.segments().size());
    out.append("#EXTM3U\n#EXT-X-VERSION:").append(p.version()).append('\n');
    out.append("#EXT-X-TARGETDURATION:").append(p.targetDurationS()).append('\n');
    out.append("#EXT-X-MEDIA-SEQUENCE:").append(p.mediaSequence()).append('\n');
    if (p.discontinuitySequence() != 0) {
      out.append("#EXT-X-DISCONTINUITY-SEQUENCE:").append(p.discontinuitySequence()).append('\n');
    }
    p.type().ifPresent(t -> out.append("#EXT-X-PLAYLIST-TYPE:").append(t.name()).append('\n'));
    if (p.independentSegments()) {
      out.append("#EXT-X-INDEPENDENT-SEGMENTS\n");
    }
    for (MediaSegment s : p.segments()) {
      if (s.discontinuity()) {
        out.append("#EXT-X-DISCONTINUITY\n");
      }
      if (s.mapUri().isPresent()) {
        out.append("#EXT-X-MAP:URI=\"").append(s.mapUri().get()).append("\"\n");
      }
      OptionalLong pdt = s.programDateTimeMs();
      if (pdt.isPresent()) {
        out.append("#EXT-X-PROGRAM-DATE-TIME:");
        Text.isoInstant(out, pdt.getAsLong());
        out.append('\n');
      }
      out.append("#EXTINF:");
      Text.seconds3(out, s.durationMs());
      out.append(",\n");
      if (s.gap()) {
        out.append("#EXT-X-GAP\n");
      }
      out.append(s.uri()).append('\n');
    }
    if (p.endList()) {
      out.append("#EXT-X-ENDLIST\n");
    }
    return out.toString();
  }
}
