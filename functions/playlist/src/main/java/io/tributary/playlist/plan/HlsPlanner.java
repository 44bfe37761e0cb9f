package io.tributary.playlist.plan;

import io.tributary.playlist.manifest.AudioRendition;
import io.tributary.playlist.manifest.MediaPlaylist;
import io.tributary.playlist.manifest.MediaSegment;
import io.tributary.playlist.manifest.MultivariantPlaylist;
import io.tributary.playlist.manifest.PlaylistType;
import io.tributary.playlist.manifest.Resolution;
import io.tributary.playlist.manifest.VariantStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/** Builds the HLS model from a {@link Window}. URIs are relative to the manifest's own path. */
public final class HlsPlanner {
  public static final int VERSION = 7;
  static final String AUDIO_GROUP = "audio";

  private HlsPlanner() {}

  public static MultivariantPlaylist multivariant(Window w) {
    String q = w.request().playlistQuery();
    List<AudioRendition> audio = new ArrayList<>();
    List<VariantStream> variants = new ArrayList<>();
    Rates audioRates = w.audio() ? Rates.of(w, IndexedSegment.AUDIO) : Rates.NONE;
    if (w.audio() && !w.renditions().isEmpty()) {
      audio.add(new AudioRendition(AUDIO_GROUP, "audio", IndexedSegment.AUDIO + ".m3u8" + q, true, true));
    }
    for (String r : w.renditions()) {
      Rates rates = Rates.of(w, r);
      Track latest = latest(w, r);
      String codecs = latest.codecs() + (w.audio() ? "," + latest(w, IndexedSegment.AUDIO).codecs() : "");
      Optional<Resolution> resolution = latest.width() > 0 && latest.height() > 0
          ? Optional.of(new Resolution(latest.width(), latest.height())) : Optional.empty();
      OptionalDouble fps = latest.frameRate() > 0 ? OptionalDouble.of(latest.frameRate()) : OptionalDouble.empty();
      variants.add(new VariantStream(r + ".m3u8" + q, rates.peak() + audioRates.peak(),
          OptionalLong.of(rates.average() + audioRates.average()), codecs, resolution, fps,
          w.audio() ? Optional.of(AUDIO_GROUP) : Optional.empty()));
    }
    if (w.renditions().isEmpty()) {
      // Audio-only stream: the audio playlist is the one variant (RFC 8216 4.3.4.2, no RESOLUTION).
      variants.add(new VariantStream(IndexedSegment.AUDIO + ".m3u8" + q, audioRates.peak(),
          OptionalLong.of(audioRates.average()), latest(w, IndexedSegment.AUDIO).codecs(), Optional.empty(),
          OptionalDouble.empty(), Optional.empty()));
    }
    return new MultivariantPlaylist(VERSION, true, audio, variants);
  }

  /** The media playlist of one rendition ({@code audio} for the audio track). */
  public static MediaPlaylist media(Window w, String rendition) {
    if (!w.hasRendition(rendition)) {
      throw new IllegalArgumentException("rendition " + rendition + " is not listed; have " + w.renditions()
          + (w.audio() ? " + audio" : ""));
    }
    PlaylistRequest req = w.request();
    String prefix = req.mediaPrefix() + rendition + "/";
    String q = req.segmentQuery();
    List<IndexedSegment> segs = w.segments();
    List<MediaSegment> out = new ArrayList<>(segs.size());
    boolean afterGap = false;
    for (int i = 0; i < segs.size(); i++) {
      IndexedSegment s = segs.get(i);
      boolean disc = w.discontinuityAt(i);
      Optional<String> map = i == 0 || disc
          ? Optional.of(prefix + "init-" + s.sessionId() + ".mp4" + q) : Optional.empty();
      // Program date-time where the timeline is re-anchored: start, each new session, after a gap
      // (RFC 8216 4.3.2.6; clients derive the rest from EXTINF).
      OptionalLong pdt = i == 0 || disc || (afterGap && !s.gap())
          ? OptionalLong.of(s.capturedAtMs()) : OptionalLong.empty();
      out.add(new MediaSegment(prefix + s.seq() + ".m4s" + q, s.durationMs(), disc, map, pdt, s.gap()));
      afterGap = s.gap();
    }
    Optional<PlaylistType> type;
    if (req.isVod() || req.isClip()) {
      type = Optional.of(w.state() == WindowState.LIVE ? PlaylistType.EVENT : PlaylistType.VOD);
    } else {
      type = Optional.empty();
    }
    return new MediaPlaylist(VERSION, w.targetDurationS(), w.first().seq(), w.discontinuitySequence(), type, true,
        out, w.state() != WindowState.LIVE);
  }

  static Track latest(Window w, String rendition) {
    List<IndexedSegment> segs = w.segments();
    for (int i = segs.size() - 1; i >= 0; i--) {
      Optional<Track> t = segs.get(i).track(rendition);
      if (t.isPresent()) {
        return t.get();
      }
    }
    throw new IllegalStateException("no segment of the window has rendition " + rendition);
  }
}
