package io.tributary.api.lambda;

import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Recorded Lambda events from {@code src/test/resources}, read (and responses written) with the
 * Lambda runtime's own serializer; {@code ${name}} placeholders filled per test.
 */
final class RecordedJson {
  private RecordedJson() {}

  static <T> T load(Class<T> type, String resource, Map<String, String> values) {
    String json;
    try (InputStream in = RecordedJson.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException("no recorded event " + resource);
      }
      json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    for (var e : values.entrySet()) {
      json = json.replace("${" + e.getKey() + "}", e.getValue());
    }
    return LambdaEventSerializers.serializerFor(type, RecordedJson.class.getClassLoader())
        .fromJson(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
  }

  /** What the runtime would send back to API Gateway for a handler's return value. */
  @SuppressWarnings("unchecked")
  static <T> String toJson(T value) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    LambdaEventSerializers.serializerFor((Class<T>) value.getClass(), RecordedJson.class.getClassLoader())
        .toJson(value, out);
    return out.toString(StandardCharsets.UTF_8);
  }
}
