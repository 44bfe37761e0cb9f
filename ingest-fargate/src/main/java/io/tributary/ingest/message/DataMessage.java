package io.tributary.ingest.message;

import java.util.List;

/**
 * An AMF0 data message (type 18; type 15 AMF3-wrapped decoded the same way), e.g.
 * {@code @setDataFrame, onMetaData, {...}}. {@code values} holds every AMF0 value in order,
 * the handler name included as the first element, mapped as in {@link Command}.
 */
public record DataMessage(int streamId, long timestamp, List<Object> values) implements RtmpMessage {
  public static final int TYPE_AMF0 = 18;

  public DataMessage {
    values = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(values));
  }

  @Override
  public int typeId() {
    return TYPE_AMF0;
  }
}
