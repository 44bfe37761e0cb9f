package io.tributary.infra.config;

/**
 * Where transcode jobs run. {@code FARGATE}: long-polling workers autoscaled on the queue backlog
 * (cheapest per job, a minute to scale out). {@code LAMBDA}: the same handler triggered by SQS
 * with ffmpeg in a layer (no idle cost, scales in seconds, capped at 15 min and 10 GB per job).
 */
public enum TranscodeMode {
  FARGATE, LAMBDA;

  /** Parses the {@code transcode} context value, case-insensitively. */
  public static TranscodeMode parse(String value) {
    for (TranscodeMode m : values()) {
      if (m.name().equalsIgnoreCase(value.strip())) {
        return m;
      }
    }
    throw new InfraConfigException(InfraConfig.TRANSCODE, value, "expected fargate or lambda");
  }
}
