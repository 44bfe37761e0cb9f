package io.tributary.transcode.media;

import java.util.List;

/** ffmpeg failed, timed out or could not start: carries the argv, exit code and the end of stderr. */
public class FfmpegException extends RuntimeException {
  private final List<String> argv;
  private final int exitCode;
  private final String stderrTail;

  public FfmpegException(String message, List<String> argv, int exitCode, String stderrTail, Throwable cause) {
    super(message + " (exit " + exitCode + "): " + stderrTail.strip(), cause);
    this.argv = List.copyOf(argv);
    this.exitCode = exitCode;
    this.stderrTail = stderrTail;
  }

  public List<String> argv() {
    return argv;
  }

  /** -1 when the process never ran to an exit (timeout, could not start). */
  public int exitCode() {
    return exitCode;
  }

  public String stderrTail() {
    return stderrTail;
  }
}
