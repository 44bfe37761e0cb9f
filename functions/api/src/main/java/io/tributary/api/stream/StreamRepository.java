package io.tributary.api.stream;

import io.tributary.core.id.StreamId;
import java.util.Optional;

/** The streams table. Tenancy is enforced here: every read and write names the owning tenant. */
public interface StreamRepository {
  /** Conditional put; false when the id exists already. */
  boolean create(StreamRecord stream);

  /** The stream if it exists, belongs to the tenant and is not deleted. */
  Optional<StreamRecord> find(String tenantId, StreamId id);

  StreamPage list(String tenantId, int limit, Optional<PageCursor> after);

  /** Writes the settings if the stream is the tenant's and not deleted; the updated record. */
  Optional<StreamRecord> update(String tenantId, StreamId id, StreamSettings settings, long now);

  /** Marks deleted and clears the live lease; false when not the tenant's or already deleted. */
  boolean markDeleted(String tenantId, StreamId id, long now);

  /**
   * Clears the lease of the given live session so the ingest task holding it stops at its next
   * heartbeat; false when that session no longer holds the stream.
   */
  boolean endLiveSession(StreamId id, String sessionId, long now);

  /** Every stream not deleted, all tenants, at most {@code max} (the local event poller's snapshot). */
  java.util.List<StreamRecord> scanAll(int max);

  /** Deleted streams whose deletion is older than {@code deletedBefore}, at most {@code max}. */
  java.util.List<StreamRecord> scanDeleted(long deletedBefore, int max);

  /** The stream item if it is marked deleted, whoever owns it (the sweep's check before deleting media). */
  Optional<StreamRecord> findDeleted(StreamId id);

  /** Removes the item of a deleted stream once its media is gone; false if it is not deleted. */
  boolean purge(StreamId id);
}
