package io.tributary.api.stream;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

/** A stream as the API returns it; timestamps are ISO-8601 UTC. */
@Serdeable
public record StreamView(String id, String name, int segmentDurationMs, String ladder,
                         @JsonProperty("private") boolean privatePlayback, int dvrWindowS, boolean recording,
                         LiveState state, String createdAt, String updatedAt) {

  public static StreamView of(StreamRecord r, long nowMs) {
    StreamSettings s = r.settings();
    return new StreamView(r.id().value(), s.name(), s.segmentDurationMs(), s.ladder(), s.privatePlayback(),
        s.dvrWindowS(), s.recording(), r.liveState(nowMs), Instant.ofEpochMilli(r.createdAt()).toString(),
        Instant.ofEpochMilli(r.updatedAt()).toString());
  }
}
