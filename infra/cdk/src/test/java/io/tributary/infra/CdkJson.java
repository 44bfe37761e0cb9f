package io.tributary.infra;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;

/** The module's {@code cdk.json}, as the CDK CLI reads it. */
public final class CdkJson {
  public static final Path FILE = Path.of("cdk.json").toAbsolutePath();

  private CdkJson() {}

  @SuppressWarnings("unchecked")
  public static Map<String, Object> all() {
    try {
      return new ObjectMapper().readValue(FILE.toFile(), Map.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @SuppressWarnings("unchecked")
  public static Map<String, Object> context() {
    return (Map<String, Object>) all().getOrDefault("context", Map.of());
  }
}
