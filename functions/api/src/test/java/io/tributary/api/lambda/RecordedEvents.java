package io.tributary.api.lambda;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recorded API Gateway HTTP API (payload 2.0) events from {@code src/test/resources/events}, read
 * with the Lambda runtime's own event serializer. Placeholders {@code ${name}} are filled per test
 * (token, stream id); {@code ${contentLength}} is computed from the body.
 */
final class RecordedEvents {
  private static final PojoSerializer<APIGatewayV2HTTPEvent> SERIALIZER =
      LambdaEventSerializers.serializerFor(APIGatewayV2HTTPEvent.class, RecordedEvents.class.getClassLoader());
  private static final Pattern BODY = Pattern.compile("\"body\": \"((?:[^\"\\\\]|\\\\.)*)\"");

  private RecordedEvents() {}

  static APIGatewayV2HTTPEvent load(String name, Map<String, String> values) {
    String json;
    try (InputStream in = RecordedEvents.class.getResourceAsStream("/events/" + name + ".json")) {
      if (in == null) {
        throw new IllegalArgumentException("no recorded event " + name);
      }
      json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    for (var e : values.entrySet()) {
      json = json.replace("${" + e.getKey() + "}", e.getValue());
    }
    Matcher m = BODY.matcher(json);
    if (m.find()) {
      String raw = m.group(1).replace("\\\"", "\"");
      int length = json.contains("\"isBase64Encoded\": true") ? Base64.getDecoder().decode(raw).length
          : raw.getBytes(StandardCharsets.UTF_8).length;
      json = json.replace("${contentLength}", Integer.toString(length));
    }
    return SERIALIZER.fromJson(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
  }
}
