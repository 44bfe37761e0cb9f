package io.tributary.transcode.job;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Init segment keys this worker has written or seen in S3, so only the first job of a session
 * on a worker pays a HEAD per rendition (an init never changes within a session). Bounded LRU:
 * forgetting a key only costs one more HEAD.
 */
final class KnownInits {
  private final Map<String, Boolean> keys;

  KnownInits(int capacity) {
    this.keys = new LinkedHashMap<>(256, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
        return size() > capacity;
      }
    };
  }

  synchronized boolean contains(String key) {
    return keys.containsKey(key);
  }

  synchronized void add(String key) {
    keys.put(key, Boolean.TRUE);
  }
}
