package io.tributary.api.key;

import java.util.List;

/** The stream keys table, keyed by hash (ingest's lookup) with a by-stream index for listing. */
public interface KeyRepository {
  /** Bound on keys listed per stream; rotation keeps a handful alive at most. */
  int MAX_LISTED = 200;

  void create(KeyRecord key);

  /** Newest first, revoked included. */
  List<KeyRecord> listByStream(String streamId);

  /** Sets revokedAt unless already set; false when it was revoked before. */
  boolean revoke(String keyHash, long now);
}
