package io.tributary.playlist.plan;

/** Where the listed window stands. */
public enum WindowState {
  /** Segments are still being added. */
  LIVE,
  /** The last listed segment closed its session, or a clip's end has passed. */
  ENDED,
  /** Live, but nothing new for {@code staleFactor} target durations: answered as ended, cached 1 s. */
  STALE
}
