package io.tributary.playlist.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One golden case's {@code input.json}: the segment index items (as the transcoder writes them),
 * the stream config, the sessions and the request. Shared by the golden test, the integration
 * tests (which write the same items to DynamoDB) and the benchmarks.
 */
public record GoldenCase(String name, PlaylistRequest request, StreamConfig config, List<SessionInfo> sessions,
                         List<IndexedSegment> segments, JsonNode json) {
  public static final Path DIR = Path.of("src/test/resources/golden");
  private static final ObjectMapper MAPPER = new ObjectMapper();

  public static List<String> names() {
    try (var s = Files.list(DIR)) {
      return s.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static GoldenCase load(String name) {
    try {
      return parse(name, MAPPER.readTree(DIR.resolve(name).resolve("input.json").toFile()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static GoldenCase parse(String name, JsonNode in) {
    JsonNode r = in.get("request");
    PlaylistRequest request = new PlaylistRequest(r.get("streamId").asText(), text(r, "sessionId"),
        r.hasNonNull("start") ? OptionalLong.of(r.get("start").asLong()) : OptionalLong.empty(),
        r.hasNonNull("end") ? OptionalLong.of(r.get("end").asLong()) : OptionalLong.empty(),
        text(r, "token"), r.get("now").asLong());
    JsonNode c = in.get("config");
    StreamConfig config = new StreamConfig(c.get("private").asBoolean(), c.get("dvrWindowS").asInt(),
        c.get("segmentDurationMs").asInt());
    List<SessionInfo> sessions = new ArrayList<>();
    for (JsonNode s : in.get("sessions")) {
      sessions.add(new SessionInfo(s.get("sessionId").asText(), s.get("firstSeq").asLong(), s.get("startedAtMs").asLong()));
    }
    List<IndexedSegment> segments = new ArrayList<>();
    for (JsonNode s : in.get("segments")) {
      segments.add(segment(s));
    }
    return new GoldenCase(name, request, config, sessions, segments, in);
  }

  public static IndexedSegment segment(JsonNode s) {
    Map<String, Track> renditions = new LinkedHashMap<>();
    s.get("renditions").fields().forEachRemaining(e -> renditions.put(e.getKey(), track(e.getValue())));
    return new IndexedSegment(s.get("seq").asLong(), s.get("sessionId").asText(), "GAP".equals(s.get("status").asText()),
        s.get("discontinuity").asBoolean(), s.get("last").asBoolean(),
        new BigDecimal(s.get("duration").asText()).movePointRight(3).longValue(), s.get("startMs").asLong(),
        s.get("capturedAt").asLong(), s.get("targetDurationMs").asInt(), renditions,
        s.hasNonNull("audio") ? Optional.of(track(s.get("audio"))) : Optional.empty(),
        s.hasNonNull("sessionOrdinal") ? OptionalLong.of(s.get("sessionOrdinal").asLong()) : OptionalLong.empty());
  }

  private static Track track(JsonNode t) {
    return new Track(t.get("size").asLong(), t.get("bandwidth").asLong(), t.get("codecs").asText(),
        t.get("width").asInt(), t.get("height").asInt(), t.get("frameRate").asDouble(), t.get("timescale").asLong(),
        t.get("decodeTime").asLong(), t.get("durationTs").asLong());
  }

  private static Optional<String> text(JsonNode n, String field) {
    return n.hasNonNull(field) ? Optional.of(n.get(field).asText()) : Optional.empty();
  }
}
