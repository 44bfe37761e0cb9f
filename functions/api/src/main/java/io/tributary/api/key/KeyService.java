package io.tributary.api.key;

import io.tributary.api.auth.Caller;
import io.tributary.api.config.ApiConfig;
import io.tributary.api.problem.ApiProblem;
import io.tributary.api.session.SessionRepository;
import io.tributary.api.stream.StreamRecord;
import io.tributary.api.stream.StreamRepository;
import io.tributary.core.id.StreamId;
import io.tributary.core.keys.StreamKeys;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Stream keys (ARCHITECTURE "Stream key"): 32 random bytes shown once; stored as SHA-256 only;
 * several may be active during a rotation; revocation takes effect at the next publish because
 * ingest checks {@code revokedAt} when a publish starts. Never logs a key.
 */
@Singleton
public class KeyService {
  private static final Logger LOG = LoggerFactory.getLogger(KeyService.class);
  /** Active keys per stream; rotation needs two, a margin on top bounds abuse. */
  static final int MAX_ACTIVE = 5;

  private final KeyRepository keys;
  private final StreamRepository streams;
  private final SessionRepository sessions;
  private final String rtmpBase;
  private final Clock clock;

  public KeyService(KeyRepository keys, StreamRepository streams, SessionRepository sessions, ApiConfig config,
                    Clock clock) {
    this.keys = keys;
    this.streams = streams;
    this.sessions = sessions;
    this.rtmpBase = config.rtmpBaseUrl();
    this.clock = clock;
  }

  public CreatedKey create(Caller caller, StreamId id) {
    StreamRecord stream = owned(caller, id);
    long active = keys.listByStream(id.value()).stream().filter(KeyRecord::active).count();
    if (active >= MAX_ACTIVE) {
      throw ApiProblem.conflict("at most " + MAX_ACTIVE + " active keys per stream",
          "stream " + id + " has " + active + " active keys; revoke one first");
    }
    return issue(stream);
  }

  public List<KeyView> list(Caller caller, StreamId id) {
    owned(caller, id);
    return keys.listByStream(id.value()).stream().map(KeyView::of).toList();
  }

  /** Issues a new key and revokes the old one; a session already publishing with it continues. */
  public CreatedKey rotate(Caller caller, StreamId id, String keyId) {
    StreamRecord stream = owned(caller, id);
    KeyRecord old = find(id, keyId);
    if (!old.active()) {
      throw ApiProblem.conflict("only an active key rotates", "key " + keyId + " is revoked");
    }
    CreatedKey fresh = issue(stream);
    keys.revoke(old.keyHash(), clock.millis());
    LOG.info("rotated key {} to {}", keyId, fresh.id());
    return fresh;
  }

  /**
   * Revokes a key. With {@code endSession}, a live session that was published with this key also
   * ends: its lease is cleared, so the ingest task drops the publish at its next heartbeat.
   *
   * @return whether a live session was told to end
   */
  public boolean revoke(Caller caller, StreamId id, String keyId, boolean endSession) {
    MDC.put("streamId", id.value());
    StreamRecord stream = owned(caller, id);
    KeyRecord key = find(id, keyId);
    keys.revoke(key.keyHash(), clock.millis());
    boolean ended = false;
    if (endSession && stream.liveSessionId().isPresent()) {
      String sid = stream.liveSessionId().get();
      boolean publishedWithKey = sessions.find(id.value(), sid).flatMap(s -> s.keyId())
          .filter(keyId::equals).isPresent();
      if (publishedWithKey) {
        MDC.put("sessionId", sid);
        ended = streams.endLiveSession(id, sid, clock.millis());
      }
    }
    LOG.info("revoked key {} (live session ended: {})", keyId, ended);
    MDC.remove("sessionId");
    return ended;
  }

  /** Revokes every active key of a stream (stream deletion). */
  public int revokeAll(StreamId id) {
    long now = clock.millis();
    int n = 0;
    for (KeyRecord k : keys.listByStream(id.value())) {
      if (k.active() && keys.revoke(k.keyHash(), now)) {
        n++;
      }
    }
    return n;
  }

  private CreatedKey issue(StreamRecord stream) {
    String key = StreamKeys.generate();
    long now = clock.millis();
    KeyRecord rec = new KeyRecord(StreamKeys.hash(key), KeyIds.random(), stream.id().value(), StreamKeys.last4(key), now,
        java.util.Optional.empty(), java.util.Optional.empty());
    keys.create(rec);
    LOG.info("created key {}", rec.keyId());
    return new CreatedKey(rec.keyId(), key, rec.last4(), rtmpBase + "/live/" + key, Instant.ofEpochMilli(now).toString());
  }

  private KeyRecord find(StreamId id, String keyId) {
    if (!KeyIds.isValid(keyId)) {
      throw new ApiProblem(404, "Not Found", "keyId", KeyIds.FORMAT, "no key has the id " + cut(keyId));
    }
    return keys.listByStream(id.value()).stream().filter(k -> k.keyId().equals(keyId)).findFirst()
        .orElseThrow(() -> ApiProblem.notFound("key", keyId));
  }

  private StreamRecord owned(Caller caller, StreamId id) {
    return streams.find(caller.tenantId(), id).orElseThrow(() -> ApiProblem.notFound("stream", id.value()));
  }

  private static String cut(String s) {
    return s.length() > 40 ? s.substring(0, 40) + "..." : s;
  }
}
