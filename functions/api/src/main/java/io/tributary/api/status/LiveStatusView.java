package io.tributary.api.status;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import io.tributary.api.stream.LiveState;
import java.util.Map;

/**
 * Live status of a stream. {@code health} is ingest's latest sample as written (bitrate, fps,
 * resolution, codecs, keyframe interval, A/V drift, warnings); {@code healthAt} its time.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LiveStatusView(String id, LiveState state, String sessionId, String lastSessionId,
                             Map<String, Object> health, String healthAt, PlaybackUrls playback) {}
