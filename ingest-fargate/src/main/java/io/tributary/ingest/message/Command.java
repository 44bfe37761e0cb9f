package io.tributary.ingest.message;

import java.util.List;

/**
 * An AMF0 command (type 20; type 17 AMF3-wrapped commands are decoded to the same record):
 * connect, createStream, publish, _result, onStatus... (RTMP spec 7.2).
 *
 * @param arguments the values after the transaction id: the command object (a Map or null)
 *     first, then optional arguments. AMF0 values map to Java as: number→Double, boolean→Boolean,
 *     string/long string→String, object/ECMA array→LinkedHashMap&lt;String,Object&gt;, strict
 *     array→List, null/undefined→null, date→java.time.Instant. Lists may contain null.
 */
public record Command(int streamId, long timestamp, String name, double transactionId, List<Object> arguments)
    implements RtmpMessage {
  public static final int TYPE_AMF0 = 20;

  public Command {
    arguments = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(arguments));
  }

  @Override
  public int typeId() {
    return TYPE_AMF0;
  }
}
