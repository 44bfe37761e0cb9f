package io.tributary.playlist.manifest;

import java.util.Optional;

/** Renders the {@link Mpd} model as MPD XML (ISO/IEC 23009-1 schema order). Pure and thread-safe. */
public final class DashWriter {
  private DashWriter() {}

  public static String write(Mpd mpd) {
    StringBuilder out = new StringBuilder(1024);
    out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.append("<MPD xmlns=\"urn:mpeg:dash:schema:mpd:2011\" profiles=\"").append(Mpd.PROFILE_LIVE).append('"');
    out.append(" type=\"").append(mpd.dynamic() ? "dynamic" : "static").append('"');
    if (mpd.availabilityStartTimeMs().isPresent()) {
      out.append(" availabilityStartTime=\"");
      Text.isoInstant(out, mpd.availabilityStartTimeMs().getAsLong());
      out.append('"');
    }
    out.append(" publishTime=\"");
    Text.isoInstant(out, mpd.publishTimeMs());
    out.append('"');
    duration(out, "minimumUpdatePeriod", mpd.minimumUpdatePeriodMs().isPresent(), mpd.minimumUpdatePeriodMs().orElse(0));
    duration(out, "timeShiftBufferDepth", mpd.timeShiftBufferDepthMs().isPresent(), mpd.timeShiftBufferDepthMs().orElse(0));
    duration(out, "suggestedPresentationDelay", mpd.suggestedPresentationDelayMs().isPresent(),
        mpd.suggestedPresentationDelayMs().orElse(0));
    duration(out, "mediaPresentationDuration", mpd.mediaPresentationDurationMs().isPresent(),
        mpd.mediaPresentationDurationMs().orElse(0));
    duration(out, "minBufferTime", true, mpd.minBufferTimeMs());
    out.append(">\n");
    for (Period p : mpd.periods()) {
      out.append("  <Period id=\"");
      Text.xmlAttr(out, p.id());
      out.append("\" start=\"");
      Text.xsDuration(out, p.startMs());
      out.append("\">\n");
      for (AdaptationSet a : p.adaptationSets()) {
        adaptationSet(out, a);
      }
      out.append("  </Period>\n");
    }
    // Schema order: UTCTiming comes after the Periods (ISO/IEC 23009-1 5.3.1.3, Table 3).
    if (mpd.utcTiming().isPresent()) {
      out.append("  <UTCTiming schemeIdUri=\"");
      Text.xmlAttr(out, mpd.utcTiming().get().schemeIdUri());
      out.append("\" value=\"");
      Text.xmlAttr(out, mpd.utcTiming().get().value());
      out.append("\"/>\n");
    }
    out.append("</MPD>\n");
    return out.toString();
  }

  private static void duration(StringBuilder out, String name, boolean present, long ms) {
    if (present) {
      out.append(' ').append(name).append("=\"");
      Text.xsDuration(out, ms);
      out.append('"');
    }
  }

  private static void adaptationSet(StringBuilder out, AdaptationSet a) {
    out.append("    <AdaptationSet id=\"").append(a.id()).append("\" contentType=\"").append(a.contentType())
        .append("\" mimeType=\"").append(a.mimeType()).append("\" segmentAlignment=\"true\" startWithSAP=\"1\">\n");
    if (a.template().isPresent()) {
      template(out, a.template().get(), "      ");
    }
    for (Representation r : a.representations()) {
      out.append("      <Representation id=\"");
      Text.xmlAttr(out, r.id());
      out.append("\" bandwidth=\"").append(r.bandwidth()).append("\" codecs=\"");
      Text.xmlAttr(out, r.codecs());
      out.append('"');
      r.width().ifPresent(w -> out.append(" width=\"").append(w).append('"'));
      r.height().ifPresent(h -> out.append(" height=\"").append(h).append('"'));
      r.frameRate().ifPresent(f -> out.append(" frameRate=\"").append(f).append('"'));
      r.audioSamplingRate().ifPresent(s -> out.append(" audioSamplingRate=\"").append(s).append('"'));
      Optional<SegmentTemplate> own = r.template();
      if (own.isPresent()) {
        out.append(">\n");
        template(out, own.get(), "        ");
        out.append("      </Representation>\n");
      } else {
        out.append("/>\n");
      }
    }
    out.append("    </AdaptationSet>\n");
  }

  private static void template(StringBuilder out, SegmentTemplate t, String indent) {
    out.append(indent).append("<SegmentTemplate timescale=\"").append(t.timescale()).append("\" initialization=\"");
    Text.xmlAttr(out, t.initialization());
    out.append("\" media=\"");
    Text.xmlAttr(out, t.media());
    out.append("\" startNumber=\"").append(t.startNumber()).append('"');
    if (t.presentationTimeOffset() != 0) {
      out.append(" presentationTimeOffset=\"").append(t.presentationTimeOffset()).append('"');
    }
    out.append(">\n").append(indent).append("  <SegmentTimeline>\n");
    for (TimelineEntry e : t.timeline()) {
      out.append(indent).append("    <S");
      if (e.t().isPresent()) {
        out.append(" t=\"").append(e.t().getAsLong()).append('"');
      }
      out.append(" d=\"").append(e.d()).append('"');
      if (e.r() != 0) {
        out.append(" r=\"").append(e.r()).append('"');
      }
      out.append("/>\n");
    }
    out.append(indent).append("  </SegmentTimeline>\n").append(indent).append("</SegmentTemplate>\n");
  }
}
