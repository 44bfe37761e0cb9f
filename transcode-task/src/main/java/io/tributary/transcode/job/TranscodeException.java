package io.tributary.transcode.job;

/**
 * A job that failed at one stage (download, transcode, upload, index): names the stream, seq and
 * stage so a log line or a GAP record says what was lost and where. The message is left on the
 * queue for redelivery; the redrive policy moves it to the DLQ after maxReceiveCount tries.
 */
public class TranscodeException extends RuntimeException {
  private final String streamId;
  private final long seq;
  private final String stage;

  public TranscodeException(String streamId, long seq, String stage, String message, Throwable cause) {
    super(stage + " failed for " + streamId + " seq " + seq + ": " + message, cause);
    this.streamId = streamId;
    this.seq = seq;
    this.stage = stage;
  }

  public String streamId() {
    return streamId;
  }

  public long seq() {
    return seq;
  }

  public String stage() {
    return stage;
  }
}
