package io.tributary.ingest.load;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * Replays one {@link FlvPlan} on many non-blocking sockets from a single thread, each message at
 * its media time after the stream's start (one write per message, as an encoder sends frames).
 * Tracks how late messages go out: a publisher held "in real time" never lags more than a frame
 * or two; a server that stops reading shows up as growing lag.
 */
final class Pacer {
  private final FlvPlan plan;
  private final List<Stream> streams = new java.util.ArrayList<>();
  private final java.util.Queue<Stream> incoming = new java.util.concurrent.ConcurrentLinkedQueue<>();
  private volatile boolean setupDone;
  private final ByteBuffer sink = ByteBuffer.allocate(64 * 1024);
  long maxLagMs;
  long lateMessages;
  long bytesSent;
  int closed;

  static final class Stream {
    final SocketChannel ch;
    final long startNanos;
    int next;
    ByteBuffer pending;
    boolean done;

    Stream(SocketChannel ch, long startNanos) {
      this.ch = ch;
      this.startNanos = startNanos;
    }
  }

  Pacer(FlvPlan plan) {
    this.plan = plan;
  }

  /** Hands a published stream to the pacer thread (called from setup threads). */
  void add(Stream s) {
    incoming.add(s);
  }

  /** No more streams will be added. */
  void setupDone() {
    setupDone = true;
  }

  List<Stream> streams() {
    return streams;
  }

  /** One pass over all streams; returns nanoseconds until the next message is due (or 2 ms). */
  long step(long now) {
    for (Stream in; (in = incoming.poll()) != null; ) {
      streams.add(in);
    }
    long wait = 2_000_000;
    for (Stream s : streams) {
      if (s.done) {
        continue;
      }
      try {
        drainInput(s);
        if (s.pending != null) {
          bytesSent += s.ch.write(s.pending);
          if (s.pending.hasRemaining()) {
            continue;
          }
          s.pending = null;
        }
        long elapsedMs = (now - s.startNanos) / 1_000_000;
        while (s.next < plan.messages() && plan.timestamps()[s.next] <= elapsedMs) {
          int from = plan.offsets()[s.next];
          int to = plan.offsets()[s.next + 1];
          long lag = elapsedMs - plan.timestamps()[s.next];
          if (lag > maxLagMs) {
            maxLagMs = lag;
          }
          if (lag > 1000) {
            lateMessages++;
          }
          ByteBuffer b = ByteBuffer.wrap(plan.bytes(), from, to - from);
          bytesSent += s.ch.write(b);
          s.next++;
          if (b.hasRemaining()) {
            s.pending = b;
            break;
          }
        }
        if (s.next >= plan.messages() && s.pending == null) {
          s.done = true;
        } else if (s.pending == null) {
          long dueNanos = s.startNanos + plan.timestamps()[s.next] * 1_000_000 - now;
          wait = Math.min(wait, Math.max(0, dueNanos));
        }
      } catch (IOException e) {
        s.done = true;
        closed++;
      }
    }
    return wait;
  }

  boolean finished() {
    if (!setupDone || !incoming.isEmpty()) {
      return false;
    }
    for (Stream s : streams) {
      if (!s.done) {
        return false;
      }
    }
    return true;
  }

  void run(long deadlineNanos) {
    while (!finished() && System.nanoTime() < deadlineNanos) {
      long wait = step(System.nanoTime());
      if (wait > 200_000) {
        LockSupport.parkNanos(wait);
      }
    }
  }

  private void drainInput(Stream s) throws IOException {
    sink.clear();
    while (s.ch.read(sink) > 0) {
      sink.clear();
    }
  }
}
