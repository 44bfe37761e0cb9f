package io.tributary.ingest.flv;

import java.util.EnumMap;
import java.util.Map;

/**
 * Maps raw RTMP message timestamps onto the session timeline: starting at 0, monotonic per track
 * and continuous. RTMP timestamps are 32-bit milliseconds that wrap (RTMP spec 5.3.1.3: "timestamps
 * ... wrap around after 2^32 ms"); encoders that never send the extended timestamp wrap at
 * 2^24 instead; some restart or jump (encoder restart without reconnect, clock steps) or go
 * slightly backwards between audio and video. Wraps are unfolded; a jump larger than
 * {@code maxGapMs} (either direction) is spliced out so the timeline continues one frame after
 * the last timestamp, and counted so health can warn about it.
 */
public final class TimestampNormalizer {
  private static final long WRAP32 = 1L << 32;
  private static final long WRAP24 = 1L << 24;

  private final long maxGapMs;
  private final Map<Track, TrackState> tracks = new EnumMap<>(Track.class);
  private boolean started;
  /** Session-timeline value = unwrapped raw - base. Shared by both tracks so A/V sync is kept. */
  private long base;
  private int jumps;

  public TimestampNormalizer(long maxGapMs) {
    if (maxGapMs < 100) {
      throw new IllegalArgumentException("maxGapMs must be >= 100, got " + maxGapMs);
    }
    this.maxGapMs = maxGapMs;
  }

  /** The session-timeline timestamp (ms, >= 0) of a message with this raw 32-bit timestamp. */
  public long normalize(Track track, long raw) {
    if (raw < 0 || raw >= WRAP32) {
      throw new IllegalArgumentException("raw RTMP timestamp must be a 32-bit unsigned value, got " + raw);
    }
    TrackState s = tracks.get(track);
    if (s == null) {
      return first(track, raw);
    }
    long delta = raw - s.lastRaw;
    if (delta < -(WRAP32 / 2)) {
      delta += WRAP32;
    } else if (delta < -(WRAP24 / 2) && s.lastRaw < WRAP24 && raw < WRAP24) {
      delta += WRAP24;
    }
    s.lastRaw = raw;
    s.lastUnwrapped += delta;
    long out = s.lastUnwrapped - base;
    // Judged on the timeline, not on the raw delta: after one track's jump was spliced out, the
    // other track's identical raw jump already lands next to its last value.
    if (out > s.lastOut + maxGapMs || out < s.lastOut - maxGapMs) {
      long expected = s.lastOut + Math.max(1, Math.min(s.lastStep, 100));
      base += out - expected;
      out = expected;
      jumps++;
    }
    if (out < s.lastOut) {
      out = s.lastOut;
    }
    if (out > s.lastOut) {
      s.lastStep = out - s.lastOut;
    }
    s.lastOut = out;
    return out;
  }

  private long first(Track track, long raw) {
    long unwrapped = firstUnwrap(raw);
    long present = latestOut();
    if (!started) {
      started = true;
      base = unwrapped;
    }
    TrackState s = new TrackState();
    s.lastRaw = raw;
    s.lastUnwrapped = unwrapped;
    long out = unwrapped - base;
    if (out < 0) {
      // This track starts a little before the first one (e.g. video DTS behind audio): move the
      // origin so both keep their relative timing and nothing is negative.
      base += out;
      out = 0;
    } else if (out > present + maxGapMs) {
      base += out - present;
      out = present;
      jumps++;
    }
    s.lastOut = out;
    tracks.put(track, s);
    return out;
  }

  /** Number of spliced jumps so far, for the health warnings. */
  public int jumps() {
    return jumps;
  }

  /** The latest timeline value handed out on any track. */
  public long latestOut() {
    long m = 0;
    for (TrackState s : tracks.values()) {
      m = Math.max(m, s.lastOut);
    }
    return m;
  }

  /** Unfolds a track's first raw value into the same 2^32 epoch as the other track, if any. */
  private long firstUnwrap(long raw) {
    for (TrackState other : tracks.values()) {
      if (other.lastRaw >= 0) {
        long candidate = other.lastUnwrapped - other.lastRaw + raw;
        long diff = candidate - other.lastUnwrapped;
        if (diff > WRAP32 / 2) {
          candidate -= WRAP32;
        } else if (diff < -(WRAP32 / 2)) {
          candidate += WRAP32;
        }
        return candidate;
      }
    }
    return raw;
  }

  private static final class TrackState {
    long lastRaw = -1;
    long lastUnwrapped;
    long lastOut;
    long lastStep = 33;
  }
}
