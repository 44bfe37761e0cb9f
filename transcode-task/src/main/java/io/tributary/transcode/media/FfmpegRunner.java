package io.tributary.transcode.media;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The one place a process is started: runs an argv with a timeout, keeps only the last
 * {@code stderrLimit} bytes of stderr (ffmpeg can print without end on a broken input), and turns
 * every failure into an {@link FfmpegException}. On timeout or interrupt the process is killed,
 * so no orphan encodes on after its job was given up.
 */
public final class FfmpegRunner {
  private final Duration timeout;
  private final int stderrLimit;

  public FfmpegRunner(Duration timeout, int stderrLimit) {
    if (timeout.isNegative() || timeout.isZero() || stderrLimit < 256) {
      throw new IllegalArgumentException("need a positive timeout and stderrLimit >= 256, got " + timeout + "/" + stderrLimit);
    }
    this.timeout = timeout;
    this.stderrLimit = stderrLimit;
  }

  public FfmpegResult run(List<String> argv) {
    long start = System.nanoTime();
    Process p;
    try {
      p = new ProcessBuilder(argv).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    } catch (IOException e) {
      throw new FfmpegException("cannot start " + argv.get(0), argv, -1, e.getMessage(), e);
    }
    TailReader tail = new TailReader(p.getErrorStream(), stderrLimit);
    Thread reader = new Thread(tail, "ffmpeg-stderr-" + p.pid());
    reader.setDaemon(true);
    reader.start();
    try {
      if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        reader.join(1000);
        throw new FfmpegException("ffmpeg timed out after " + timeout, argv, -1, tail.text(), null);
      }
      reader.join(5000);
    } catch (InterruptedException e) {
      p.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new FfmpegException("interrupted while ffmpeg ran", argv, -1, tail.text(), e);
    }
    int code = p.exitValue();
    if (code != 0) {
      throw new FfmpegException("ffmpeg failed", argv, code, tail.text(), null);
    }
    return new FfmpegResult(Duration.ofNanos(System.nanoTime() - start), tail.text());
  }

  /** Drains a stream, remembering only its last {@code limit} bytes. */
  private static final class TailReader implements Runnable {
    private final InputStream in;
    private final byte[] ring;
    private long total;

    TailReader(InputStream in, int limit) {
      this.in = in;
      this.ring = new byte[limit];
    }

    @Override
    public void run() {
      byte[] buf = new byte[8192];
      try (in) {
        int n;
        while ((n = in.read(buf)) > 0) {
          synchronized (this) {
            for (int i = 0; i < n; i++) {
              ring[(int) (total++ % ring.length)] = buf[i];
            }
          }
        }
      } catch (IOException e) {
        // The process died; what was read so far is the tail.
      }
    }

    synchronized String text() {
      if (total <= ring.length) {
        return new String(ring, 0, (int) total, StandardCharsets.UTF_8);
      }
      int start = (int) (total % ring.length);
      byte[] out = new byte[ring.length];
      System.arraycopy(ring, start, out, 0, ring.length - start);
      System.arraycopy(ring, 0, out, ring.length - start, start);
      return "..." + new String(out, StandardCharsets.UTF_8);
    }
  }
}
