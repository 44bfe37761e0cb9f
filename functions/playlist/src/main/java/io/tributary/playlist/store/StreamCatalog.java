package io.tributary.playlist.store;

import java.util.Optional;

/** Stream configuration and sessions, served from a short-lived cache. */
public interface StreamCatalog {
  /** The cached view, read through when absent or older than the cache TTL; empty for unknown streams. */
  Optional<StreamView> get(String streamId);

  /** Reads again now: a session appeared that the cached view does not know. */
  Optional<StreamView> refresh(String streamId);
}
