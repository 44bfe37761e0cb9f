package io.tributary.api.lambda;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * DynamoDB stream events from {@code src/test/resources/dynamodb-streams}, in the shape Lambda
 * delivers them (NEW_AND_OLD_IMAGES, images as DynamoDB JSON written the way the API and ingest
 * write the streams item), read with the Lambda runtime's own event serializer. Placeholders
 * {@code ${name}} are filled per test so tests never share a stream id.
 */
final class RecordedStreamChanges {
  private static final PojoSerializer<DynamodbEvent> SERIALIZER =
      LambdaEventSerializers.serializerFor(DynamodbEvent.class, RecordedStreamChanges.class.getClassLoader());

  private RecordedStreamChanges() {}

  static DynamodbEvent load(String name, Map<String, String> values) {
    String json;
    try (InputStream in = RecordedStreamChanges.class.getResourceAsStream("/dynamodb-streams/" + name + ".json")) {
      if (in == null) {
        throw new IllegalArgumentException("no recorded stream event " + name);
      }
      json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    for (var e : values.entrySet()) {
      json = json.replace("${" + e.getKey() + "}", e.getValue());
    }
    return SERIALIZER.fromJson(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
  }

  /** The same event with only records {@code from..} (what Lambda re-delivers after a reported failure). */
  static DynamodbEvent from(DynamodbEvent event, int from) {
    DynamodbEvent out = new DynamodbEvent();
    out.setRecords(event.getRecords().subList(from, event.getRecords().size()));
    return out;
  }
}
