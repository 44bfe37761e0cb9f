package io.tributary.api.sweep;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.tributary.core.id.StreamId;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/**
 * The sweep queue's message: sweep this deleted stream's media, not before {@code notBeforeMs}.
 * SQS delays a message by at most 15 minutes (DelaySeconds ≤ 900), so a longer grace is carried
 * here and the sweep re-queues until it is due. JSON with a {@code version} like the job message.
 */
public record SweepRequest(StreamId streamId, long notBeforeMs) {
  public static final int VERSION = 1;
  private static final JsonFactory JSON = new JsonFactory();

  public SweepRequest {
    if (streamId == null) {
      throw new InvalidSweepRequestException("streamId is required", null);
    }
  }

  public String toJson() {
    StringWriter out = new StringWriter();
    try (JsonGenerator g = JSON.createGenerator(out)) {
      g.writeStartObject();
      g.writeNumberField("version", VERSION);
      g.writeStringField("streamId", streamId.value());
      g.writeNumberField("notBeforeMs", notBeforeMs);
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  public static SweepRequest parse(String body) {
    String id = null;
    Long notBefore = null;
    int version = -1;
    try (JsonParser p = JSON.createParser(body)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new InvalidSweepRequestException("not a JSON object: " + abbreviate(body), null);
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        JsonToken t = p.nextToken();
        switch (field) {
          case "version" -> version = t == JsonToken.VALUE_NUMBER_INT ? p.getIntValue() : -1;
          case "streamId" -> id = t == JsonToken.VALUE_STRING ? p.getText() : null;
          case "notBeforeMs" -> notBefore = t == JsonToken.VALUE_NUMBER_INT ? p.getLongValue() : null;
          default -> p.skipChildren();
        }
      }
    } catch (IOException e) {
      throw new InvalidSweepRequestException("not JSON: " + abbreviate(body), e);
    }
    if (version != VERSION) {
      throw new InvalidSweepRequestException("version must be " + VERSION + ": " + abbreviate(body), null);
    }
    if (id == null || !StreamId.isValid(id)) {
      throw new InvalidSweepRequestException("streamId missing or malformed: " + abbreviate(body), null);
    }
    if (notBefore == null) {
      throw new InvalidSweepRequestException("notBeforeMs missing: " + abbreviate(body), null);
    }
    return new SweepRequest(new StreamId(id), notBefore);
  }

  private static String abbreviate(String s) {
    return s.length() <= 200 ? s : s.substring(0, 200) + "...";
  }
}
