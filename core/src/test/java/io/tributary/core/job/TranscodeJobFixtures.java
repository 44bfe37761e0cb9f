package io.tributary.core.job;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The shared v1 job fixture (in core's test-jar): the producer's tests assert that what ingest
 * writes matches its shape, the consumer's tests that the worker reads it.
 */
public final class TranscodeJobFixtures {
  public static final String V1 = "/fixtures/transcode-job-v1.json";

  private TranscodeJobFixtures() {}

  public static String v1Json() {
    try (InputStream in = TranscodeJobFixtures.class.getResourceAsStream(V1)) {
      if (in == null) {
        throw new IllegalStateException(V1 + " is not on the classpath (add tributary-core:test-jar)");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
