package io.tributary.playlist.service;

import io.tributary.core.id.SessionId;
import io.tributary.core.id.StreamId;
import io.tributary.core.playback.PlaybackTokens;
import io.tributary.playlist.manifest.DashWriter;
import io.tributary.playlist.manifest.HlsWriter;
import io.tributary.playlist.plan.DashPlanner;
import io.tributary.playlist.plan.HlsPlanner;
import io.tributary.playlist.plan.IndexedSegment;
import io.tributary.playlist.plan.PlanSettings;
import io.tributary.playlist.plan.PlaylistRequest;
import io.tributary.playlist.plan.SessionInfo;
import io.tributary.playlist.plan.Window;
import io.tributary.playlist.plan.WindowState;
import io.tributary.playlist.plan.WindowSelector;
import io.tributary.playlist.store.SegmentIndex;
import io.tributary.playlist.store.StreamCatalog;
import io.tributary.playlist.store.StreamView;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.regex.Pattern;

/**
 * Answers manifest requests: access check, one Query of the segment index, window selection,
 * rendering. No HTTP types, so the Netty server and the Lambda share it unchanged.
 */
public final class ManifestService {
  private static final Pattern RENDITION = Pattern.compile("[a-z0-9]{1,16}");
  /** Playing time a media token allows beyond the longest a manifest carrying it is cached. */
  static final long MEDIA_TOKEN_PLAY_S = 6 * 3600;
  /** Issued media tokens expire on this grid, so concurrent manifests carry the same one. */
  static final long MEDIA_TOKEN_GRID_S = 3600;
  /** A session record is kept at least this long after its session started (ingest's TTL: 30 days after its end). */
  static final long SESSION_RECORD_SURELY_KEPT_MS = 24L * 3600 * 1000;
  /** Items read beyond the window: segments finished out of order past a pending one. */
  static final int SLACK = 10;

  private final PlanSettings settings;
  private final SegmentIndex index;
  private final StreamCatalog catalog;
  private final Optional<PlaybackTokens> tokens;
  private final LongSupplier clock;
  private final PlaylistMetrics metrics;
  private final boolean edgeTokens;
  private final long mediaTokenSeconds;

  public ManifestService(PlaylistConfig config, SegmentIndex index, StreamCatalog catalog,
                         Optional<PlaybackTokens> tokens, LongSupplier clock, PlaylistMetrics metrics) {
    this.settings = new PlanSettings(config.liveWindowSegments(), PlanSettings.DEFAULT.maxSegments(),
        PlanSettings.DEFAULT.staleFactor(), config.endedMaxAgeS(), config.cutOverrunMs());
    this.index = index;
    this.catalog = catalog;
    this.tokens = tokens;
    this.clock = clock;
    this.metrics = metrics;
    this.edgeTokens = config.edgeTokens();
    // A media token outlives every copy of the manifest that carries it: an ended session's
    // manifest is cached for endedMaxAgeS, and a player may then take hours to play it.
    this.mediaTokenSeconds = config.endedMaxAgeS() + MEDIA_TOKEN_PLAY_S;
  }

  /**
   * Primes the AWS SDK request path at startup (one GetItem, one Query, for a stream id that
   * cannot exist), so the first viewer does not pay the SDK's marshaller class loading; under
   * SnapStart this lands in the snapshot. A failure only logs: priming must never stop a start.
   */
  public void primeAws() {
    String none = "st_" + "a".repeat(20);
    try {
      catalog.get(none);
      index.newest(none, 1);
    } catch (RuntimeException e) {
      org.slf4j.LoggerFactory.getLogger(ManifestService.class).warn("AWS priming failed (first request pays it): {}",
          e.toString());
    }
  }

  /** {@code /live/{streamId}/{file}}: master.m3u8, {rendition}.m3u8, audio.m3u8, manifest.mpd. */
  public ManifestResponse live(String streamId, String file, ViewerQuery query) {
    return answer(streamId, Optional.empty(), file, query);
  }

  /** {@code /vod/{streamId}/{sessionId}/{file}}. */
  public ManifestResponse vod(String streamId, String sessionId, String file, ViewerQuery query) {
    if (!SessionId.isValid(sessionId)) {
      return ManifestResponse.notFound("no such session");
    }
    return answer(streamId, Optional.of(sessionId), file, query);
  }

  /**
   * Checks a viewer may fetch this stream's media (private streams need a valid token). Empty
   * when the stream is unknown.
   */
  public Optional<StreamView> authorize(String streamId, Optional<String> token) {
    if (!StreamId.isValid(streamId)) {
      return Optional.empty();
    }
    Optional<StreamView> view = catalog.get(streamId);
    view.ifPresent(v -> checkToken(streamId, v, token));
    return view;
  }

  private ManifestResponse answer(String streamId, Optional<String> sessionId, String file, ViewerQuery query) {
    long started = System.nanoTime();
    String kind = kind(file);
    ManifestResponse r;
    try {
      r = render(streamId, sessionId, file, query);
    } catch (ViewerRequestException e) {
      r = ManifestResponse.refused(e);
    }
    metrics.manifest(kind, r.status(), System.nanoTime() - started);
    return r;
  }

  private static String kind(String file) {
    if (file.equals("master.m3u8")) {
      return "master";
    }
    if (file.equals("manifest.mpd")) {
      return "mpd";
    }
    return file.endsWith(".m3u8") ? "media" : "other";
  }

  private ManifestResponse render(String streamId, Optional<String> sessionId, String file, ViewerQuery query) {
    boolean master = file.equals("master.m3u8");
    boolean mpd = file.equals("manifest.mpd");
    String rendition = null;
    if (!master && !mpd) {
      if (!file.endsWith(".m3u8") || !RENDITION.matcher(file.substring(0, file.length() - 5)).matches()) {
        return ManifestResponse.notFound("no such manifest");
      }
      rendition = file.substring(0, file.length() - 5);
    }
    if (!StreamId.isValid(streamId)) {
      return ManifestResponse.notFound("no such stream");
    }
    Optional<StreamView> found = catalog.get(streamId);
    if (found.isEmpty()) {
      return ManifestResponse.notFound("no such stream");
    }
    StreamView view = found.get();
    checkToken(streamId, view, query.token());
    long now = clock.getAsLong();
    PlaylistRequest request;
    try {
      Optional<String> token = view.config().privateStream() ? query.token() : Optional.empty();
      request = new PlaylistRequest(streamId, sessionId, query.startMs(), query.endMs(), token, now,
          token.isPresent() || !edgeTokens ? token : Optional.of(mediaToken(streamId, now)));
    } catch (IllegalArgumentException e) {
      throw new ViewerRequestException(400, "start/end", query.start().orElse("") + "/" + query.end().orElse(""),
          e.getMessage());
    }
    List<IndexedSegment> items;
    if (sessionId.isPresent()) {
      Optional<SessionInfo> s = view.session(sessionId.get());
      if (s.isEmpty()) {
        Optional<StreamView> fresh = catalog.refresh(streamId);
        if (fresh.isEmpty() || fresh.get().session(sessionId.get()).isEmpty()) {
          return ManifestResponse.notFound("no such session");
        }
        view = fresh.get();
        s = view.session(sessionId.get());
      }
      items = index.range(streamId, s.get().firstSeq(), view.lastSeqOf(s.get()), settings.maxSegments());
    } else {
      items = index.newest(streamId, limit(view));
    }
    if (!sessionsKnown(view, items, now)) {
      view = catalog.refresh(streamId).orElse(view);
    }
    Optional<Window> window = new WindowSelector(settings).select(request, view.config(), items, view.sessions());
    if (window.isEmpty()) {
      return ManifestResponse.notFound("nothing to play yet");
    }
    Window w = window.get();
    if (w.state() != WindowState.ENDED && sessionId.isEmpty() && request.startMs().isEmpty()
        && request.endMs().isEmpty()) {
      // How far the live edge lags the encoder: the alarm on this catches a stalled pipeline
      // (stale windows count too: that is exactly when it grows).
      IndexedSegment edge = w.last();
      metrics.liveEdgeAge((now - edge.capturedAtMs() - edge.durationMs()) / 1000.0);
    }
    if (w.targetRaised()) {
      metrics.targetRaised();
    }
    String cache = "public, max-age=" + w.maxAgeSeconds(settings);
    if (master) {
      return new ManifestResponse(200, HlsWriter.write(HlsPlanner.multivariant(w)), ManifestResponse.HLS, cache);
    }
    if (mpd) {
      return new ManifestResponse(200, DashWriter.write(DashPlanner.mpd(w)), ManifestResponse.DASH, cache);
    }
    if (!w.hasRendition(rendition)) {
      return ManifestResponse.notFound("no such rendition");
    }
    return new ManifestResponse(200, HlsWriter.write(HlsPlanner.media(w, rendition)), ManifestResponse.HLS, cache);
  }

  /**
   * A token for the segment and init URIs of a public stream, where CloudFront checks one on every
   * media request (the edge cannot tell public from private streams, so all carry one). Same
   * format and key as the API's viewer tokens (core {@code PlaybackTokens}).
   */
  private String mediaToken(String streamId, long nowMs) {
    long exp = (nowMs / 1000 + mediaTokenSeconds + MEDIA_TOKEN_GRID_S - 1) / MEDIA_TOKEN_GRID_S * MEDIA_TOKEN_GRID_S;
    return tokens.orElseThrow().issue(streamId, Instant.ofEpochSecond(exp));
  }

  private int limit(StreamView view) {
    int window = settings.liveWindowSegments();
    if (view.config().dvrWindowS() > 0) {
      long dvr = view.config().dvrWindowS() * 1000L / view.config().segmentDurationMs() + 1;
      window = (int) Math.min(settings.maxSegments(), Math.max(window, dvr));
    }
    return window + SLACK;
  }

  /**
   * False when a listed session start is missing from the cached view while its record may still
   * exist: a session that began after the cache was filled. A record outlives its session by 30
   * days (ingest's TTL), so a start older than a day that the table did not return has expired;
   * re-reading for it on every request would only add two reads per manifest.
   */
  private static boolean sessionsKnown(StreamView view, List<IndexedSegment> items, long nowMs) {
    for (IndexedSegment s : items) {
      if (s.discontinuity() && s.capturedAtMs() > nowMs - SESSION_RECORD_SURELY_KEPT_MS
          && view.session(s.sessionId()).isEmpty()) {
        return false;
      }
    }
    return true;
  }

  private void checkToken(String streamId, StreamView view, Optional<String> token) {
    if (!view.config().privateStream()) {
      return;
    }
    if (tokens.isEmpty()) {
      throw new ViewerRequestException(403, "token", null, "private stream, but this service has no "
          + PlaylistConfig.ENV_SECRET + " to verify tokens");
    }
    if (token.isEmpty()) {
      throw new ViewerRequestException(401, "token", null, "this stream is private: a playback token is required");
    }
    if (!tokens.get().verify(streamId, token.get(), Instant.ofEpochMilli(clock.getAsLong()))) {
      // The token itself is never echoed or logged.
      throw new ViewerRequestException(403, "token", null, "invalid or expired playback token");
    }
  }
}
