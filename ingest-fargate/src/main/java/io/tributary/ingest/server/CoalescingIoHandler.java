package io.tributary.ingest.server;

import io.netty.channel.IoHandle;
import io.netty.channel.IoHandler;
import io.netty.channel.IoHandlerContext;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.IoRegistration;
import io.netty.util.concurrent.ThreadAwareExecutor;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

/**
 * Interrupt moderation for the event loops: after a pass that handled I/O, with no task waiting,
 * the loop sleeps for a short window before it polls again, so the reads that arrive meanwhile
 * are handled in one wake-up instead of one each.
 *
 * <p>Why: encoders send every audio and video frame as its own write (about 75 a second per
 * stream), and a loop that blocks in epoll_wait is woken for nearly every one of them; at 100
 * publishers that wake-up (a context switch in and out) was the largest single cost of the event
 * loops, ahead of reading and decoding. Waiting {@code window} first costs each message at most
 * that much latency (chunks are two seconds long; RTMP replies are not timed that finely) and
 * turns thousands of wake-ups a second into at most {@code 1 / window} per loop. An idle loop
 * (the last pass handled nothing) blocks as before, so an idle task does not tick.
 */
final class CoalescingIoHandler implements IoHandler {
  private final IoHandler delegate;
  private final long windowNanos;

  private CoalescingIoHandler(IoHandler delegate, long windowNanos) {
    this.delegate = delegate;
    this.windowNanos = windowNanos;
  }

  /** {@code factory} itself when the window is zero. */
  static IoHandlerFactory wrap(IoHandlerFactory factory, Duration window) {
    if (window.isZero()) {
      return factory;
    }
    long nanos = window.toNanos();
    return new IoHandlerFactory() {
      @Override
      public IoHandler newHandler(ThreadAwareExecutor executor) {
        return new CoalescingIoHandler(factory.newHandler(executor), nanos);
      }

      @Override
      public boolean isChangingThreadSupported() {
        return factory.isChangingThreadSupported();
      }
    };
  }

  @Override
  public int run(IoHandlerContext context) {
    int handled = delegate.run(context);
    if (handled > 0 && context.canBlock()) {
      LockSupport.parkNanos(windowNanos);
    }
    return handled;
  }

  @Override
  public void initialize() {
    delegate.initialize();
  }

  @Override
  public void prepareToDestroy() {
    delegate.prepareToDestroy();
  }

  @Override
  public void destroy() {
    delegate.destroy();
  }

  @Override
  public IoRegistration register(IoHandle handle) throws Exception {
    return delegate.register(handle);
  }

  @Override
  public void wakeup() {
    delegate.wakeup();
  }

  @Override
  public boolean isCompatible(Class<? extends IoHandle> handleType) {
    return delegate.isCompatible(handleType);
  }
}
