package io.tributary.transcode.job;

/**
 * How a job ended when it did not throw.
 *
 * @param indexed true if this run wrote the segment record; false if an earlier run (a redelivery
 *     after a crash before delete) had already written it, so this run changed nothing visible
 * @param mediaSeconds duration of the segment produced
 * @param ffmpegSeconds wall time ffmpeg ran (0 when skipped)
 */
public record JobOutcome(boolean indexed, double mediaSeconds, double ffmpegSeconds) {
  public static final JobOutcome ALREADY_DONE = new JobOutcome(false, 0, 0);
}
