package io.tributary.core.job;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * JSON form of {@link TranscodeJob}. Unknown fields are ignored so a newer producer can add
 * fields without breaking an older consumer; a different {@code version} is refused.
 */
public final class TranscodeJobJson {
  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
      .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
      .build();

  private TranscodeJobJson() {}

  public static String write(TranscodeJob job) {
    try {
      return MAPPER.writeValueAsString(job);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialize job " + job, e);
    }
  }

  /** Parses and validates a message body; any defect is an {@link InvalidJobException}. */
  public static TranscodeJob read(String json) {
    try {
      return MAPPER.readValue(json, TranscodeJob.class);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      Throwable cause = e.getCause() instanceof IllegalArgumentException iae ? iae : e;
      throw new InvalidJobException("invalid transcode job: " + cause.getMessage(), e);
    }
  }
}
